using System.Runtime.CompilerServices;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Core.Storage;

/// <summary>
/// A thread-safe store held in memory: for unit tests, demos and the <c>InMemory</c> provider.
/// One lock guards everything, which also makes <see cref="TryCommitChangeAsync"/> atomic.
/// </summary>
public sealed class InMemoryPreferenceStore(TimeProvider? time = null) : IPreferenceStore
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private ProviderSettings _settings = ProviderSettings.Default;
    private readonly Dictionary<Guid, SubscriptionGroup> _groups = [];
    private readonly Dictionary<Guid, Contact> _contacts = [];
    private readonly Dictionary<string, Guid> _contactsByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, Campaign> _campaigns = [];
    private readonly List<Guid> _campaignOrder = [];
    private readonly Dictionary<Guid, ContactPreferences> _preferences = [];
    private readonly List<ConsentLedgerEntry> _ledger = [];
    private readonly List<OutboxRow> _outbox = [];
    private readonly Dictionary<Guid, OutboxRow> _outboxById = [];

    private sealed class OutboxRow(OutboxMessage message)
    {
        public OutboxMessage Message = message;
        public string? LeaseOwner;
        public DateTimeOffset LeaseUntil;
    }

    /// <inheritdoc />
    public Task<ProviderSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_settings);
    }

    /// <inheritdoc />
    public Task SaveSettingsAsync(ProviderSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate) _settings = settings;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SubscriptionGroup>> ListGroupsAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<SubscriptionGroup> list = _groups.Values
                .Where(g => includeArchived || !g.Archived)
                .OrderBy(g => g.Order).ThenBy(g => g.Name, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<SubscriptionGroup?> GetGroupAsync(Guid id, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_groups.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public Task AddGroupAsync(SubscriptionGroup group, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_gate)
        {
            EnsureUniqueGroupName(group);
            if (!_groups.TryAdd(group.Id, group))
                throw new InvalidOperationException($"Group {group.Id} already exists.");
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateGroupAsync(SubscriptionGroup group, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_gate)
        {
            if (!_groups.ContainsKey(group.Id))
                throw new PreferenceValidationException("id", ErrorCodes.GroupNotFound, $"Subscription group {group.Id} does not exist.", [group.Id.ToString()]);
            EnsureUniqueGroupName(group);
            _groups[group.Id] = group;
        }
        return Task.CompletedTask;
    }

    private void EnsureUniqueGroupName(SubscriptionGroup group)
    {
        if (_groups.Values.Any(g => g.Id != group.Id && string.Equals(g.Name, group.Name, StringComparison.OrdinalIgnoreCase)))
            throw new PreferenceValidationException("name", ErrorCodes.GroupNameDuplicate, $"A subscription group named '{group.Name}' already exists.", [group.Name]);
    }

    /// <inheritdoc />
    public Task AddContactAsync(Contact contact, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        lock (_gate)
        {
            if (_contactsByEmail.ContainsKey(contact.Email))
                throw new PreferenceValidationException("email", ErrorCodes.EmailDuplicate, $"A contact with the email '{contact.Email}' already exists.", [contact.Email]);
            _contacts.Add(contact.Id, contact);
            _contactsByEmail.Add(contact.Email, contact.Id);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Contact?> GetContactAsync(Guid id, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_contacts.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public Task<Contact?> FindContactByEmailAsync(string email, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult(_contactsByEmail.TryGetValue(email?.Trim() ?? "", out var id) ? _contacts[id] : null);
    }

    /// <inheritdoc />
    public Task<ContactPage> ListContactsAsync(string? search, int skip, int take, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var matches = _contacts.Values
                .Where(c => string.IsNullOrWhiteSpace(search) || c.Email.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase))
                .OrderBy(c => c.Email, StringComparer.OrdinalIgnoreCase)
                .ToList();
            return Task.FromResult(new ContactPage(matches.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 1000)).ToList(), matches.Count));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Contact> StreamContactsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        List<Contact> snapshot;
        lock (_gate) snapshot = _contacts.Values.OrderBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var c in snapshot)
        {
            ct.ThrowIfCancellationRequested();
            yield return c;
        }
        await Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ImportOutcome> ImportContactsAsync(IAsyncEnumerable<Contact> contacts, CancellationToken ct = default)
    {
        int imported = 0, duplicates = 0;
        await foreach (var c in contacts.WithCancellation(ct))
        {
            lock (_gate)
            {
                if (_contactsByEmail.ContainsKey(c.Email)) { duplicates++; continue; }
                _contacts.Add(c.Id, c);
                _contactsByEmail.Add(c.Email, c.Id);
                imported++;
            }
        }
        return new ImportOutcome(imported, duplicates);
    }

    /// <inheritdoc />
    public Task AddCampaignAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        lock (_gate)
        {
            _campaigns.Add(campaign.Id, campaign);
            _campaignOrder.Add(campaign.Id);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task UpdateCampaignAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        lock (_gate)
        {
            if (!_campaigns.ContainsKey(campaign.Id))
                throw new PreferenceValidationException("id", ErrorCodes.CampaignNotFound, $"Campaign {campaign.Id} does not exist.", [campaign.Id.ToString()]);
            _campaigns[campaign.Id] = campaign;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<Campaign?> GetCampaignAsync(Guid id, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_campaigns.GetValueOrDefault(id));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Campaign> list = Enumerable.Reverse(_campaignOrder).Select(id => _campaigns[id]).ToList();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<ContactPreferences?> GetPreferencesAsync(Guid contactId, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_preferences.GetValueOrDefault(contactId));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<Guid, ContactPreferences>> GetPreferencesAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var result = new Dictionary<Guid, ContactPreferences>();
            foreach (var id in contactIds)
                if (_preferences.TryGetValue(id, out var p)) result[id] = p;
            return Task.FromResult<IReadOnlyDictionary<Guid, ContactPreferences>>(result);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryCommitChangeAsync(PreferenceChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            var contactId = change.Preferences.ContactId;
            var storedVersion = _preferences.TryGetValue(contactId, out var stored) ? stored.Version : 0;
            if (storedVersion != change.ExpectedVersion) return Task.FromResult(false);
            _preferences[contactId] = change.Preferences with { Version = storedVersion + 1 };
            foreach (var row in change.Ledger)
                _ledger.Add(row with { Sequence = _ledger.Count + 1 });
            var outboxRow = new OutboxRow(new OutboxMessage { Event = change.Event, NextAttemptAt = change.Event.Time });
            _outbox.Add(outboxRow);
            _outboxById.Add(change.Event.Id, outboxRow);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ConsentLedgerEntry>> ListLedgerAsync(Guid? contactId, int take = 1000, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ConsentLedgerEntry> rows = _ledger.Where(r => contactId is null || r.ContactId == contactId).TakeLast(Math.Max(0, take)).ToList();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ListEventsAsync(Guid? contactId, int take = 1000, CancellationToken ct = default)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> rows = _outbox.Select(r => r.Message).Where(m => contactId is null || m.Event.ContactId == contactId).TakeLast(Math.Max(0, take)).ToList();
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxMessage>> ClaimPendingEventsAsync(string owner, int max, TimeSpan lease, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            var claimed = new List<OutboxMessage>();
            foreach (var row in _outbox)
            {
                if (claimed.Count >= max) break;
                if (row.Message.DeliveredAt is not null || row.Message.NextAttemptAt > now) continue;
                if (row.LeaseOwner is not null && row.LeaseOwner != owner && row.LeaseUntil > now) continue;
                row.LeaseOwner = owner;
                row.LeaseUntil = now + lease;
                claimed.Add(row.Message);
            }
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(claimed);
        }
    }

    /// <inheritdoc />
    public Task MarkDeliveredAsync(Guid eventId, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_outboxById.TryGetValue(eventId, out var row))
            {
                row.Message = row.Message with { DeliveredAt = now, Attempts = row.Message.Attempts + 1 };
                row.LeaseOwner = null;
            }
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task MarkFailedAsync(Guid eventId, DateTimeOffset retryAt, string error, CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_outboxById.TryGetValue(eventId, out var row))
            {
                row.Message = row.Message with { Attempts = row.Message.Attempts + 1, NextAttemptAt = retryAt, LastError = error };
                row.LeaseOwner = null;
            }
        }
        return Task.CompletedTask;
    }
}
