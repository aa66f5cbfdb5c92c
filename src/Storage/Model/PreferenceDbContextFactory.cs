using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceUiKit.Storage.Model;

/// <summary>Creates short-lived contexts for one SQL database (SQLite or PostgreSQL).</summary>
public sealed class PreferenceDbContextFactory
{
    private readonly DbContextOptions _options;

    /// <summary>Creates the factory.</summary>
    /// <param name="provider"><see cref="PreferenceStorageProvider.Sqlite"/> or <see cref="PreferenceStorageProvider.Postgres"/>.</param>
    /// <param name="connectionString">An ADO.NET connection string for that provider.</param>
    /// <param name="interceptors">EF Core interceptors (diagnostics, tests that force failures).</param>
    public PreferenceDbContextFactory(PreferenceStorageProvider provider, string connectionString, IEnumerable<IInterceptor>? interceptors = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        ConnectionString = connectionString;
        var extra = interceptors?.ToArray() ?? [];
        _options = provider switch
        {
            PreferenceStorageProvider.Sqlite => Configure(new DbContextOptionsBuilder<SqlitePreferenceDbContext>().UseSqlite(connectionString), extra).Options,
            PreferenceStorageProvider.Postgres => Configure(new DbContextOptionsBuilder<PostgresPreferenceDbContext>().UseNpgsql(connectionString), extra).Options,
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only SQL providers have a database context."),
        };
    }

    /// <summary>The database kind.</summary>
    public PreferenceStorageProvider Provider { get; }

    /// <summary>The connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>A new context; dispose it after use.</summary>
    public PreferenceDbContext CreateDbContext() => Provider == PreferenceStorageProvider.Sqlite
        ? new SqlitePreferenceDbContext((DbContextOptions<SqlitePreferenceDbContext>)_options)
        : new PostgresPreferenceDbContext((DbContextOptions<PostgresPreferenceDbContext>)_options);

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, IInterceptor[] interceptors) where T : DbContext
    {
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
            // Each test or host builds its own options; that is intended, not a leak.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        if (interceptors.Length > 0) builder.AddInterceptors(interceptors);
        return builder;
    }
}
