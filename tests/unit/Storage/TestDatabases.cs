using Microsoft.Data.Sqlite;
using Npgsql;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>A throwaway database: a SQLite file in a temp folder, or a PostgreSQL database created for it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable eng/prereqs/20-postgres.sh exports.</summary>
    public const string PostgresVariable = "PREFERENCEUIKIT_TEST_POSTGRES";

    private readonly Func<Task> _drop;

    private TestDatabase(PreferenceStorageProvider provider, string connectionString, Func<Task> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    /// <summary>SQLite or PostgreSQL.</summary>
    public PreferenceStorageProvider Provider { get; }

    /// <summary>Connection string of the fresh database.</summary>
    public string ConnectionString { get; }

    /// <summary>A new SQLite file database (not yet migrated).</summary>
    public static TestDatabase Sqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "preferenceuikit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "preferences.db") }.ToString();
        return new TestDatabase(PreferenceStorageProvider.Sqlite, cs, () =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// A new, empty PostgreSQL database. Skips the test when no server is configured, unless CI=true, where a missing
    /// server is an error.
    /// </summary>
    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            const string reason = $"PostgreSQL is not available: {PostgresVariable} is not set (run ./test.sh, whose eng/prereqs/20-postgres.sh installs and starts it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException(reason + " CI must run the PostgreSQL tests.");
            Skip.If(true, reason);
        }
        var name = "puk_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        return new TestDatabase(PreferenceStorageProvider.Postgres, cs, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        });
    }

    /// <summary>A fresh database of <paramref name="provider"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(PreferenceStorageProvider provider) =>
        provider == PreferenceStorageProvider.Sqlite ? Sqlite() : await PostgresAsync();

    /// <summary>A context factory on this database.</summary>
    public PreferenceDbContextFactory Factory(params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors) =>
        new(Provider, ConnectionString, interceptors);

    /// <summary>A store on this database.</summary>
    public EfPreferenceStore Store(TimeProvider? time = null, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var factory = Factory(interceptors);
        return new EfPreferenceStore(factory, new PreferenceStorageInitializer(factory), time);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _drop();
    }
}
