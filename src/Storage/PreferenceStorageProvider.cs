namespace PreferenceUiKit.Storage;

/// <summary>Where preferences live, chosen by the configuration key <c>Storage:Provider</c>.</summary>
public enum PreferenceStorageProvider
{
    /// <summary>An embedded SQLite file (the default), in WAL mode.</summary>
    Sqlite = 0,
    /// <summary>PostgreSQL through Npgsql: several host instances on one database.</summary>
    Postgres = 1,
    /// <summary>Process memory; nothing survives a restart (tests, demos).</summary>
    InMemory = 2,
}
