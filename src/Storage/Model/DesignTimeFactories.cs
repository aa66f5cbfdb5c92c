using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PreferenceUiKit.Storage.Model;

// Used only by `dotnet ef migrations add … --context …`: the connection strings are never opened.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePreferenceDbContext>
{
    public SqlitePreferenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePreferenceDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPreferenceDbContext>
{
    public PostgresPreferenceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPreferenceDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
