using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Storage.Model;
using PreferenceUiKit.Storage.Outbox;

namespace PreferenceUiKit.Storage;

/// <summary>
/// <see cref="IPreferenceStore"/> on SQLite or PostgreSQL through EF Core. Every call uses its own short-lived
/// context. A preference change is one transaction: <c>UPDATE contact_preferences … WHERE version = expected</c>
/// (or an INSERT when nothing was stored), then the ledger rows and the outbox row; a version that moved, or a
/// concurrent first insert, rolls everything back and returns false.
/// </summary>
public sealed class EfPreferenceStore : IPreferenceStore
{
    /// <summary>Contacts read or written per round trip when streaming and importing.</summary>
    public const int BatchSize = 1000;

    private readonly PreferenceDbContextFactory _factory;
    private readonly PreferenceStorageInitializer _initializer;
    private readonly TimeProvider _time;

    /// <summary>Creates the store (with group commit on SQLite).</summary>
    public EfPreferenceStore(PreferenceDbContextFactory factory, PreferenceStorageInitializer initializer, TimeProvider? time = null)
        : this(factory, initializer, time, groupCommit: true)
    {
    }

    /// <summary>Creates the store.</summary>
    /// <param name="factory">Database contexts.</param>
    /// <param name="initializer">Migrations before first use.</param>
    /// <param name="time">Clock.</param>
    /// <param name="groupCommit">On SQLite, let concurrent preference changes share one transaction (default true); false commits each alone.</param>
    public EfPreferenceStore(PreferenceDbContextFactory factory, PreferenceStorageInitializer initializer, TimeProvider? time, bool groupCommit)
    {
        _factory = factory;
        _initializer = initializer;
        _time = time ?? TimeProvider.System;
        if (groupCommit && factory.Provider == PreferenceStorageProvider.Sqlite)
            _groupCommit = new GroupCommit(() => OpenAsync(CancellationToken.None));
    }

    private readonly GroupCommit? _groupCommit;

    private async Task<PreferenceDbContext> OpenAsync(CancellationToken ct)
    {
        await _initializer.EnsureInitializedAsync(ct);
        return _factory.CreateDbContext();
    }

    // ---- settings -----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<ProviderSettings> GetSettingsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.Set<SettingsRow>().FirstOrDefaultAsync(s => s.Id == SettingsRow.SingletonId, ct);
        return row is null
            ? ProviderSettings.Default
            : new ProviderSettings((PreferenceCenterMode)row.Mode, row.CustomUrl is null ? null : new Uri(row.CustomUrl));
    }

    /// <inheritdoc />
    public async Task SaveSettingsAsync(ProviderSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var db = await OpenAsync(ct);
        var row = new SettingsRow { Mode = (int)settings.Mode, CustomUrl = settings.CustomUrl?.ToString() };
        var updated = await db.Set<SettingsRow>().Where(s => s.Id == SettingsRow.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Mode, row.Mode).SetProperty(x => x.CustomUrl, row.CustomUrl), ct);
        if (updated == 0)
        {
            db.Add(row);
            await db.SaveChangesAsync(ct);
        }
    }

    // ---- groups -------------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<IReadOnlyList<SubscriptionGroup>> ListGroupsAsync(bool includeArchived = false, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var rows = await db.Set<GroupRow>().Where(g => includeArchived || !g.Archived)
            .OrderBy(g => g.Order).ThenBy(g => g.Name).ToListAsync(ct);
        return rows.Select(ToGroup).ToList();
    }

    /// <inheritdoc />
    public async Task<SubscriptionGroup?> GetGroupAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.Set<GroupRow>().FirstOrDefaultAsync(g => g.Id == id, ct);
        return row is null ? null : ToGroup(row);
    }

    /// <inheritdoc />
    public async Task AddGroupAsync(SubscriptionGroup group, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var db = await OpenAsync(ct);
        var key = Key(group.Name);
        if (await db.Set<GroupRow>().AnyAsync(g => g.NameKey == key, ct))
            throw GroupNameDuplicate(group.Name);
        db.Add(ToRow(group));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer may have taken the name between the check and the write.
            if (await NameTakenAsync(key, group.Id, ct)) throw GroupNameDuplicate(group.Name);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task UpdateGroupAsync(SubscriptionGroup group, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var db = await OpenAsync(ct);
        if (!await db.Set<GroupRow>().AnyAsync(g => g.Id == group.Id, ct))
            throw new PreferenceValidationException("id", ErrorCodes.GroupNotFound, $"Subscription group {group.Id} does not exist.", [group.Id.ToString()]);
        var key = Key(group.Name);
        if (await db.Set<GroupRow>().AnyAsync(g => g.NameKey == key && g.Id != group.Id, ct))
            throw GroupNameDuplicate(group.Name);
        db.Update(ToRow(group));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another writer may have taken the name between the check and the write.
            if (await NameTakenAsync(key, group.Id, ct)) throw GroupNameDuplicate(group.Name);
            throw;
        }
    }

    private async Task<bool> NameTakenAsync(string key, Guid exceptId, CancellationToken ct)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Set<GroupRow>().AnyAsync(g => g.NameKey == key && g.Id != exceptId, ct);
    }

    private static PreferenceValidationException GroupNameDuplicate(string name) =>
        new("name", ErrorCodes.GroupNameDuplicate, $"A subscription group named '{name}' already exists.", [name]);

    // ---- contacts -----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task AddContactAsync(Contact contact, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        await using var db = await OpenAsync(ct);
        var key = Key(contact.Email);
        if (await db.Set<ContactRow>().AnyAsync(c => c.EmailKey == key, ct))
            throw EmailDuplicate(contact.Email);
        db.Add(ToRow(contact));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await EmailTakenAsync(key, ct)) throw EmailDuplicate(contact.Email);
            throw;
        }
    }

    private async Task<bool> EmailTakenAsync(string key, CancellationToken ct)
    {
        await using var db = _factory.CreateDbContext();
        return await db.Set<ContactRow>().AnyAsync(c => c.EmailKey == key, ct);
    }

    private static PreferenceValidationException EmailDuplicate(string email) =>
        new("email", ErrorCodes.EmailDuplicate, $"A contact with the email '{email}' already exists.", [email]);

    /// <inheritdoc />
    public async Task<Contact?> GetContactAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.Set<ContactRow>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return row is null ? null : ToContact(row);
    }

    /// <inheritdoc />
    public async Task<Contact?> FindContactByEmailAsync(string email, CancellationToken ct = default)
    {
        var key = Key(email?.Trim() ?? "");
        await using var db = await OpenAsync(ct);
        var row = await db.Set<ContactRow>().FirstOrDefaultAsync(c => c.EmailKey == key, ct);
        return row is null ? null : ToContact(row);
    }

    /// <inheritdoc />
    public async Task<ContactPage> ListContactsAsync(string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = db.Set<ContactRow>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var needle = Key(search.Trim());
            query = query.Where(c => c.EmailKey.Contains(needle));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.EmailKey).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, 1000)).ToListAsync(ct);
        return new ContactPage(rows.Select(ToContact).ToList(), total);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Contact> StreamContactsAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        // Keyset pages, one short query each: no connection or transaction stays open while the caller sends mail.
        string? after = null;
        while (true)
        {
            List<ContactRow> page;
            await using (var db = await OpenAsync(ct))
            {
                var query = db.Set<ContactRow>().AsQueryable();
                if (after is not null) query = query.Where(c => string.Compare(c.EmailKey, after) > 0);
                page = await query.OrderBy(c => c.EmailKey).Take(BatchSize).ToListAsync(ct);
            }
            foreach (var row in page)
                yield return ToContact(row);
            if (page.Count < BatchSize) yield break;
            after = page[^1].EmailKey;
        }
    }

    /// <inheritdoc />
    public async Task<ImportOutcome> ImportContactsAsync(IAsyncEnumerable<Contact> contacts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        await _initializer.EnsureInitializedAsync(ct);
        int imported = 0, duplicates = 0;
        var batch = new List<Contact>(BatchSize);
        await foreach (var contact in contacts.WithCancellation(ct))
        {
            batch.Add(contact);
            if (batch.Count < BatchSize) continue;
            var (i, d) = await ImportBatchAsync(batch, ct);
            imported += i;
            duplicates += d;
            batch.Clear();
        }
        if (batch.Count > 0)
        {
            var (i, d) = await ImportBatchAsync(batch, ct);
            imported += i;
            duplicates += d;
        }
        return new ImportOutcome(imported, duplicates);
    }

    private async Task<(int Imported, int Duplicates)> ImportBatchAsync(List<Contact> batch, CancellationToken ct)
    {
        var fresh = new Dictionary<string, Contact>(StringComparer.Ordinal);
        foreach (var c in batch)
            fresh.TryAdd(Key(c.Email), c);
        await using (var db = _factory.CreateDbContext())
        {
            var keys = fresh.Keys.ToList();
            var known = await db.Set<ContactRow>().Where(c => keys.Contains(c.EmailKey)).Select(c => c.EmailKey).ToListAsync(ct);
            foreach (var k in known) fresh.Remove(k);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.AddRange(fresh.Values.Select(ToRow));
            try
            {
                await db.SaveChangesAsync(ct);
                return (fresh.Count, batch.Count - fresh.Count);
            }
            catch (DbUpdateException)
            {
                // Someone added one of these addresses meanwhile: fall back to one insert each.
            }
        }
        var imported = 0;
        foreach (var c in fresh.Values)
        {
            try
            {
                await AddContactAsync(c, ct);
                imported++;
            }
            catch (PreferenceValidationException e) when (e.Code == ErrorCodes.EmailDuplicate) { }
        }
        return (imported, batch.Count - imported);
    }

    // ---- campaigns ----------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task AddCampaignAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        await using var db = await OpenAsync(ct);
        var row = new CampaignRow();
        Fill(row, campaign);
        db.Add(row);
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc />
    public async Task UpdateCampaignAsync(Campaign campaign, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        await using var db = await OpenAsync(ct);
        var row = await db.Set<CampaignRow>().AsTracking().FirstOrDefaultAsync(c => c.Id == campaign.Id, ct)
            ?? throw new PreferenceValidationException("id", ErrorCodes.CampaignNotFound, $"Campaign {campaign.Id} does not exist.", [campaign.Id.ToString()]);
        Fill(row, campaign);
        await db.SaveChangesAsync(ct);
    }

    /// <inheritdoc />
    public async Task<Campaign?> GetCampaignAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.Set<CampaignRow>().FirstOrDefaultAsync(c => c.Id == id, ct);
        return row is null ? null : ToCampaign(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var rows = await db.Set<CampaignRow>().OrderByDescending(c => c.Position).ToListAsync(ct);
        return rows.Select(ToCampaign).ToList();
    }

    // ---- preferences --------------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<ContactPreferences?> GetPreferencesAsync(Guid contactId, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var row = await db.Set<PreferencesRow>().FirstOrDefaultAsync(p => p.ContactId == contactId, ct);
        return row is null ? null : ToPreferences(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<Guid, ContactPreferences>> GetPreferencesAsync(IReadOnlyCollection<Guid> contactIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var result = new Dictionary<Guid, ContactPreferences>();
        if (contactIds.Count == 0) return result;
        await using var db = await OpenAsync(ct);
        foreach (var chunk in contactIds.Distinct().Chunk(BatchSize))
        {
            var rows = await db.Set<PreferencesRow>().Where(p => chunk.Contains(p.ContactId)).ToListAsync(ct);
            foreach (var row in rows) result[row.ContactId] = ToPreferences(row);
        }
        return result;
    }

    /// <inheritdoc />
    /// <remarks>
    /// On SQLite concurrent changes share a transaction (group commit, <see cref="GroupCommit"/>): each change runs
    /// inside its own savepoint, the batch commits once, and every caller is answered only after that commit.
    /// A commit with <c>synchronous=FULL</c> costs one fsync; sharing it lets many requests pay it once.
    /// </remarks>
    public Task<bool> TryCommitChangeAsync(PreferenceChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return _groupCommit is { } group ? group.CommitAsync(change, ct) : CommitAloneAsync(change, ct);
    }

    private async Task<bool> CommitAloneAsync(PreferenceChange change, CancellationToken ct)
    {
        await using var db = await OpenAsync(ct);
        // SQLite: BEGIN IMMEDIATE (one writer at a time). PostgreSQL: READ COMMITTED; the UPDATE row lock makes a
        // concurrent save of the same contact wait, then see the new version and match nothing.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await ApplyChangeAsync(db, change, () => tx.RollbackAsync(CancellationToken.None), ct))
            return false;
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Writes one change inside the caller's transaction: the conditional preferences write, the ledger rows and the
    /// outbox row. False (after <paramref name="rollback"/>) when the stored version moved or a concurrent first save won.
    /// </summary>
    internal static async Task<bool> ApplyChangeAsync(PreferenceDbContext db, PreferenceChange change, Func<Task> rollback, CancellationToken ct)
    {
        var next = ToRow(change.Preferences, change.ExpectedVersion + 1);
        if (change.ExpectedVersion == 0)
        {
            db.Add(next);
        }
        else
        {
            var updated = await db.Set<PreferencesRow>()
                .Where(p => p.ContactId == next.ContactId && p.Version == change.ExpectedVersion)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(p => p.AllCommunication, next.AllCommunication)
                    .SetProperty(p => p.Groups, next.Groups)
                    .SetProperty(p => p.GroupsBeforeUnsubscribeAll, next.GroupsBeforeUnsubscribeAll)
                    .SetProperty(p => p.Version, next.Version), ct);
            if (updated == 0)
            {
                await rollback();
                return false;
            }
        }
        db.AddRange(change.Ledger.Select(ToRow));
        db.Add(new OutboxRow
        {
            EventId = change.Event.Id,
            ContactId = change.Event.ContactId,
            Payload = EventJson.Serialize(change.Event),
            NextAttemptAt = change.Event.Time,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (change.ExpectedVersion == 0)
        {
            await rollback();
            db.ChangeTracker.Clear();
            // Read on the same connection: inside a shared transaction, the winner may be this batch's own write.
            if (await db.Set<PreferencesRow>().AnyAsync(p => p.ContactId == next.ContactId, ct)) return false; // a concurrent first save won
            throw;
        }
        return true;
    }

    // ---- ledger and outbox --------------------------------------------------------------------------------------

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConsentLedgerEntry>> ListLedgerAsync(Guid? contactId, int take = 1000, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = db.Set<LedgerRow>().AsQueryable();
        if (contactId is { } id) query = query.Where(r => r.ContactId == id);
        var rows = await query.OrderByDescending(r => r.Sequence).Take(Math.Max(0, take)).ToListAsync(ct);
        rows.Reverse();
        return rows.Select(ToEntry).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ListEventsAsync(Guid? contactId, int take = 1000, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var query = db.Set<OutboxRow>().AsQueryable();
        if (contactId is { } id) query = query.Where(r => r.ContactId == id);
        var rows = await query.OrderByDescending(r => r.Sequence).Take(Math.Max(0, take)).ToListAsync(ct);
        rows.Reverse();
        return rows.Select(ToMessage).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OutboxMessage>> ClaimPendingEventsAsync(string owner, int max, TimeSpan lease, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        if (max <= 0) return [];
        var now = _time.GetUtcNow().UtcTicks;
        var until = (_time.GetUtcNow() + lease).UtcTicks;
        await using var db = await OpenAsync(ct);
        // One statement claims and returns. On PostgreSQL, SKIP LOCKED lets several hosts claim side by side without
        // waiting on, or taking, each other's rows; SQLite has a single writer, so the statement alone is atomic.
        var skipLocked = _factory.Provider == PreferenceStorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE outbox SET lease_owner = {0}, lease_until = {1}
            WHERE sequence IN (
                SELECT sequence FROM outbox
                WHERE delivered_at IS NULL AND next_attempt_at <= {2}
                  AND (lease_owner IS NULL OR lease_owner = {0} OR lease_until <= {2})
                ORDER BY sequence
                LIMIT {3}
                {{skipLocked}})
            RETURNING *
            """;
        var rows = await db.Set<OutboxRow>().FromSqlRaw(sql, owner, until, now, max).ToListAsync(ct);
        return rows.OrderBy(r => r.Sequence).Select(ToMessage).ToList();
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(Guid eventId, CancellationToken ct = default)
    {
        var now = _time.GetUtcNow();
        await using var db = await OpenAsync(ct);
        await db.Set<OutboxRow>().Where(r => r.EventId == eventId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.DeliveredAt, now)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(Guid eventId, DateTimeOffset retryAt, string error, CancellationToken ct = default)
    {
        var message = error is { Length: > 2000 } ? error[..2000] : error;
        await using var db = await OpenAsync(ct);
        await db.Set<OutboxRow>().Where(r => r.EventId == eventId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Attempts, r => r.Attempts + 1)
                .SetProperty(r => r.NextAttemptAt, retryAt)
                .SetProperty(r => r.LastError, message)
                .SetProperty(r => r.LeaseOwner, (string?)null)
                .SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    // ---- mapping ------------------------------------------------------------------------------------------------

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string Key(string text) => text.ToUpperInvariant();

    private static GroupRow ToRow(SubscriptionGroup g) => new()
    {
        Id = g.Id, Name = g.Name, NameKey = Key(g.Name), Description = g.Description, Order = g.Order, Archived = g.Archived, OptIn = g.OptIn,
    };

    private static SubscriptionGroup ToGroup(GroupRow r) => new()
    {
        Id = r.Id, Name = r.Name, Description = r.Description, Order = r.Order, Archived = r.Archived, OptIn = r.OptIn,
    };

    private static ContactRow ToRow(Contact c) => new() { Id = c.Id, Email = c.Email, EmailKey = Key(c.Email), Locale = c.Locale };

    private static Contact ToContact(ContactRow r) => new() { Id = r.Id, Email = r.Email, Locale = r.Locale };

    private static void Fill(CampaignRow row, Campaign c)
    {
        row.Id = c.Id;
        row.Name = c.Name;
        row.GroupIds = JsonSerializer.Serialize(c.GroupIds, Json);
        row.Html = c.Html;
        row.Subject = c.Subject;
        row.SendToOptedOut = c.SendToOptedOut;
    }

    private static Campaign ToCampaign(CampaignRow r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        GroupIds = JsonSerializer.Deserialize<Guid[]>(r.GroupIds, Json) ?? [],
        Html = r.Html,
        Subject = r.Subject,
        SendToOptedOut = r.SendToOptedOut,
    };

    private static PreferencesRow ToRow(ContactPreferences p, long version) => new()
    {
        ContactId = p.ContactId,
        AllCommunication = p.AllCommunication,
        Groups = JsonSerializer.Serialize(p.Groups.ToDictionary(), Json),
        GroupsBeforeUnsubscribeAll = p.GroupsBeforeUnsubscribeAll is null ? null : JsonSerializer.Serialize(p.GroupsBeforeUnsubscribeAll.Order().ToArray(), Json),
        Version = version,
    };

    private static ContactPreferences ToPreferences(PreferencesRow r) => new()
    {
        ContactId = r.ContactId,
        AllCommunication = r.AllCommunication,
        Groups = (JsonSerializer.Deserialize<Dictionary<Guid, bool>>(r.Groups, Json) ?? []).ToImmutableDictionary(),
        GroupsBeforeUnsubscribeAll = r.GroupsBeforeUnsubscribeAll is null
            ? null
            : (JsonSerializer.Deserialize<Guid[]>(r.GroupsBeforeUnsubscribeAll, Json) ?? []).ToImmutableHashSet(),
        Version = r.Version,
    };

    private static LedgerRow ToRow(ConsentLedgerEntry e) => new()
    {
        ChangeId = e.ChangeId, ContactId = e.ContactId, GroupId = e.GroupId, OldValue = e.OldValue, NewValue = e.NewValue,
        Source = (int)e.Source, CampaignId = e.CampaignId, Time = e.Time, Locale = e.Locale,
    };

    private static ConsentLedgerEntry ToEntry(LedgerRow r) => new()
    {
        Sequence = r.Sequence, ChangeId = r.ChangeId, ContactId = r.ContactId, GroupId = r.GroupId, OldValue = r.OldValue, NewValue = r.NewValue,
        Source = (ChangeSource)r.Source, CampaignId = r.CampaignId, Time = r.Time, Locale = r.Locale,
    };

    private static OutboxMessage ToMessage(OutboxRow r) => new()
    {
        Event = EventJson.Deserialize(r.Payload),
        Attempts = r.Attempts,
        NextAttemptAt = r.NextAttemptAt,
        DeliveredAt = r.DeliveredAt,
        LastError = r.LastError,
    };
}
