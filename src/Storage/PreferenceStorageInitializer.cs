using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Storage;

/// <summary>
/// Brings the database up to date once per process: creates the SQLite file's folder, applies the provider's
/// migrations (EF Core takes a migration lock, so hosts starting together do not collide) and turns on SQLite's
/// WAL mode. The store awaits it before its first query, so it also works when no host runs the hosted service.
/// </summary>
public sealed class PreferenceStorageInitializer(PreferenceDbContextFactory factory, ILogger<PreferenceStorageInitializer>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<PreferenceStorageInitializer>.Instance;
    private readonly Lock _gate = new();
    private Task? _initialized;

    /// <summary>Migrates the database unless this process already did.</summary>
    public Task EnsureInitializedAsync(CancellationToken ct = default)
    {
        Task task;
        lock (_gate)
        {
            if (_initialized is null || _initialized.IsFaulted || _initialized.IsCanceled)
                _initialized = InitializeAsync();
            task = _initialized;
        }
        return task.IsCompletedSuccessfully ? task : task.WaitAsync(ct);
    }

    private async Task InitializeAsync()
    {
        if (factory.Provider == PreferenceStorageProvider.Sqlite)
            CreateSqliteFolder(factory.ConnectionString);
        await using var db = factory.CreateDbContext();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            _logger.LogInformation("Applying {Count} preference storage migration(s) on {Provider}: {Migrations}", pending.Count, factory.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync();
        }
        if (factory.Provider == PreferenceStorageProvider.Sqlite)
            // Readers never wait for the writer and commits stay cheap; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }

    private static void CreateSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}

/// <summary>Runs <see cref="PreferenceStorageInitializer"/> when the host starts, so migrations apply before the first request.</summary>
internal sealed class PreferenceStorageStartup(PreferenceStorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureInitializedAsync(cancellationToken);
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
