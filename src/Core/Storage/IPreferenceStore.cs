using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Core.Storage;

/// <summary>
/// Everything the pages, the sender and the APIs persist. Implementations: <see cref="InMemoryPreferenceStore"/>
/// (tests, demos) and the EF Core store (SQLite, PostgreSQL) in PreferenceUiKit.Storage. All of them pass one
/// contract test suite. Methods validate nothing the domain types already validate, but they do enforce
/// uniqueness (group names, contact emails) by throwing <see cref="PreferenceValidationException"/>.
/// </summary>
public interface IPreferenceStore
{
    /// <summary>The provider setting; <see cref="ProviderSettings.Default"/> until one is saved.</summary>
    Task<ProviderSettings> GetSettingsAsync(CancellationToken ct = default);
    /// <summary>Replaces the provider setting.</summary>
    Task SaveSettingsAsync(ProviderSettings settings, CancellationToken ct = default);

    /// <summary>Groups ordered by <see cref="SubscriptionGroup.Order"/> then name.</summary>
    Task<IReadOnlyList<SubscriptionGroup>> ListGroupsAsync(bool includeArchived = false, CancellationToken ct = default);
    /// <summary>One group, archived or not.</summary>
    Task<SubscriptionGroup?> GetGroupAsync(Guid id, CancellationToken ct = default);
    /// <summary>Adds a group; a name already used (case-insensitive) throws <see cref="ErrorCodes.GroupNameDuplicate"/>.</summary>
    Task AddGroupAsync(SubscriptionGroup group, CancellationToken ct = default);
    /// <summary>Replaces a group; unknown id throws <see cref="ErrorCodes.GroupNotFound"/>, a clashing name <see cref="ErrorCodes.GroupNameDuplicate"/>.</summary>
    Task UpdateGroupAsync(SubscriptionGroup group, CancellationToken ct = default);

    /// <summary>Adds a contact; an email already known (case-insensitive) throws <see cref="ErrorCodes.EmailDuplicate"/>.</summary>
    Task AddContactAsync(Contact contact, CancellationToken ct = default);
    /// <summary>One contact by id.</summary>
    Task<Contact?> GetContactAsync(Guid id, CancellationToken ct = default);
    /// <summary>One contact by email (case-insensitive).</summary>
    Task<Contact?> FindContactByEmailAsync(string email, CancellationToken ct = default);
    /// <summary>Contacts whose email contains <paramref name="search"/>, ordered by email.</summary>
    Task<ContactPage> ListContactsAsync(string? search, int skip, int take, CancellationToken ct = default);
    /// <summary>Every contact, streamed in email order, for sending to large audiences.</summary>
    IAsyncEnumerable<Contact> StreamContactsAsync(CancellationToken ct = default);
    /// <summary>Adds contacts in batches as they arrive; known emails are counted as duplicates and left unchanged.</summary>
    Task<ImportOutcome> ImportContactsAsync(IAsyncEnumerable<Contact> contacts, CancellationToken ct = default);

    /// <summary>Adds a campaign.</summary>
    Task AddCampaignAsync(Campaign campaign, CancellationToken ct = default);
    /// <summary>Replaces a campaign; unknown id throws <see cref="ErrorCodes.CampaignNotFound"/>.</summary>
    Task UpdateCampaignAsync(Campaign campaign, CancellationToken ct = default);
    /// <summary>One campaign.</summary>
    Task<Campaign?> GetCampaignAsync(Guid id, CancellationToken ct = default);
    /// <summary>All campaigns, newest first.</summary>
    Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken ct = default);

    /// <summary>A contact's stored preferences, or null when they never changed anything.</summary>
    Task<ContactPreferences?> GetPreferencesAsync(Guid contactId, CancellationToken ct = default);
    /// <summary>Stored preferences of many contacts (missing ones are absent from the result).</summary>
    Task<IReadOnlyDictionary<Guid, ContactPreferences>> GetPreferencesAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct = default);
    /// <summary>
    /// Commits the new preferences, the ledger rows and the outbox event in one transaction, if the stored
    /// version still equals <see cref="PreferenceChange.ExpectedVersion"/>. Returns false (and writes nothing)
    /// when another change committed first; the caller re-reads and recomputes.
    /// </summary>
    Task<bool> TryCommitChangeAsync(PreferenceChange change, CancellationToken ct = default);

    /// <summary>Ledger rows in commit order, optionally of one contact; at most <paramref name="take"/>, newest last.</summary>
    Task<IReadOnlyList<ConsentLedgerEntry>> ListLedgerAsync(Guid? contactId, int take = 1000, CancellationToken ct = default);
    /// <summary>Events in commit order, optionally of one contact.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListEventsAsync(Guid? contactId, int take = 1000, CancellationToken ct = default);
    /// <summary>
    /// Claims up to <paramref name="max"/> undelivered events due now for <paramref name="owner"/> for the
    /// <paramref name="lease"/>; events leased by another owner are not returned until the lease ends.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimPendingEventsAsync(string owner, int max, TimeSpan lease, CancellationToken ct = default);
    /// <summary>Marks a claimed event delivered.</summary>
    Task MarkDeliveredAsync(Guid eventId, CancellationToken ct = default);
    /// <summary>Records a failed attempt; the event becomes due again at <paramref name="retryAt"/>.</summary>
    Task MarkFailedAsync(Guid eventId, DateTimeOffset retryAt, string error, CancellationToken ct = default);
}
