namespace PreferenceUiKit.Storage.Model;

// Table rows. Domain records stay in Core; these carry the columns (search keys, JSON, sequence numbers) that
// only the database needs. Times are DateTimeOffset here and UTC ticks (bigint) in the database.

internal sealed class SettingsRow
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public int Mode { get; set; }
    public string? CustomUrl { get; set; }
}

internal sealed class GroupRow
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Upper-case invariant name: the case-insensitive uniqueness key.</summary>
    public string NameKey { get; set; } = "";
    public string Description { get; set; } = "";
    public int Order { get; set; }
    public bool Archived { get; set; }
    public bool OptIn { get; set; }
}

internal sealed class ContactRow
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    /// <summary>Upper-case invariant email: the case-insensitive uniqueness, lookup, search and sort key.</summary>
    public string EmailKey { get; set; } = "";
    public string? Locale { get; set; }
}

internal sealed class CampaignRow
{
    /// <summary>Insertion order (newest first in lists).</summary>
    public long Position { get; set; }
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>JSON array of group ids.</summary>
    public string GroupIds { get; set; } = "[]";
    public string Html { get; set; } = "";
    public string Subject { get; set; } = "";
    public bool SendToOptedOut { get; set; }
}

internal sealed class PreferencesRow
{
    public Guid ContactId { get; set; }
    public bool AllCommunication { get; set; }
    /// <summary>JSON object: group id to explicit state.</summary>
    public string Groups { get; set; } = "{}";
    /// <summary>JSON array of group ids, or null.</summary>
    public string? GroupsBeforeUnsubscribeAll { get; set; }
    /// <summary>Optimistic-concurrency version: every commit is <c>UPDATE … WHERE version = expected</c>.</summary>
    public long Version { get; set; }
}

internal sealed class LedgerRow
{
    public long Sequence { get; set; }
    public Guid ChangeId { get; set; }
    public Guid ContactId { get; set; }
    public Guid? GroupId { get; set; }
    public bool OldValue { get; set; }
    public bool NewValue { get; set; }
    public int Source { get; set; }
    public Guid? CampaignId { get; set; }
    public DateTimeOffset Time { get; set; }
    public string? Locale { get; set; }
}

internal sealed class OutboxRow
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>The event as JSON.</summary>
    public string Payload { get; set; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? LastError { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
}

internal sealed class LinkKeyRow
{
    /// <summary>The one-byte key id carried in tokens.</summary>
    public int Id { get; set; }
    /// <summary>Base64 secret.</summary>
    public string Secret { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DataProtectionKeyRow
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    /// <summary>The key element as ASP.NET Core Data Protection writes it.</summary>
    public string Xml { get; set; } = "";
}
