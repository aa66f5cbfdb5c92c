using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PreferenceUiKit.Storage.Model;

/// <summary>
/// The preference center's tables. Each database provider has its own derived context and migration set
/// (<see cref="SqlitePreferenceDbContext"/>, <see cref="PostgresPreferenceDbContext"/>); the model is the same.
/// </summary>
public abstract class PreferenceDbContext : DbContext
{
    /// <summary>Creates the context.</summary>
    protected PreferenceDbContext(DbContextOptions options) : base(options) { }

    /// <summary>Collation of the columns that are sorted and compared ordinally (names, email keys); null for the provider default.</summary>
    protected virtual string? OrdinalCollation => null;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC ticks: exact (100 ns), comparable and sortable in SQL on every provider (SQLite has no timestamp type).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SettingsRow>(e =>
        {
            e.ToTable("settings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CustomUrl).HasMaxLength(2000);
        });

        modelBuilder.Entity<GroupRow>(e =>
        {
            e.ToTable("subscription_groups");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200).IsRequired().UseCollation(OrdinalCollation);
            e.Property(x => x.NameKey).HasMaxLength(200).IsRequired().UseCollation(OrdinalCollation);
            e.Property(x => x.Description).IsRequired();
            e.HasIndex(x => x.NameKey).IsUnique();
        });

        modelBuilder.Entity<ContactRow>(e =>
        {
            e.ToTable("contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Email).HasMaxLength(320).IsRequired();
            e.Property(x => x.EmailKey).HasMaxLength(320).IsRequired().UseCollation(OrdinalCollation);
            e.Property(x => x.Locale).HasMaxLength(35);
            e.HasIndex(x => x.EmailKey).IsUnique();
        });

        modelBuilder.Entity<CampaignRow>(e =>
        {
            e.ToTable("campaigns");
            e.HasKey(x => x.Position);
            e.Property(x => x.Position).ValueGeneratedOnAdd();
            e.Property(x => x.Name).IsRequired();
            e.Property(x => x.GroupIds).IsRequired();
            e.Property(x => x.Html).IsRequired();
            e.Property(x => x.Subject).IsRequired();
            e.HasIndex(x => x.Id).IsUnique();
        });

        modelBuilder.Entity<PreferencesRow>(e =>
        {
            e.ToTable("contact_preferences");
            e.HasKey(x => x.ContactId);
            e.Property(x => x.ContactId).ValueGeneratedNever();
            e.Property(x => x.Groups).IsRequired();
        });

        modelBuilder.Entity<LedgerRow>(e =>
        {
            e.ToTable("consent_ledger");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.Locale).HasMaxLength(35);
            e.HasIndex(x => new { x.ContactId, x.Sequence });
        });

        modelBuilder.Entity<OutboxRow>(e =>
        {
            e.ToTable("outbox");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.Sequence).ValueGeneratedOnAdd();
            e.Property(x => x.Payload).IsRequired();
            e.Property(x => x.LeaseOwner).HasMaxLength(200);
            e.HasIndex(x => x.EventId).IsUnique();
            e.HasIndex(x => new { x.ContactId, x.Sequence });
            // The dispatcher's hot path: undelivered events by due time. Partial, so delivered history costs nothing.
            e.HasIndex(x => x.NextAttemptAt).HasFilter("delivered_at IS NULL").HasDatabaseName("ix_outbox_pending");
        });

        modelBuilder.Entity<LinkKeyRow>(e =>
        {
            e.ToTable("link_signing_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Secret).IsRequired();
        });

        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Xml).IsRequired();
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}

/// <summary>The SQLite flavour of <see cref="PreferenceDbContext"/> (its own migration set).</summary>
public sealed class SqlitePreferenceDbContext(DbContextOptions<SqlitePreferenceDbContext> options) : PreferenceDbContext(options);

/// <summary>The PostgreSQL flavour of <see cref="PreferenceDbContext"/> (its own migration set).</summary>
public sealed class PostgresPreferenceDbContext(DbContextOptions<PostgresPreferenceDbContext> options) : PreferenceDbContext(options)
{
    /// <inheritdoc />
    protected override string? OrdinalCollation => "C";
}
