using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Core.Tests.Storage;

/// <summary>
/// What every <see cref="IPreferenceStore"/> promises, written once. A derived class per store supplies a fresh,
/// empty store; the in-memory store runs it here, the SQL stores run the same file in the storage tests.
/// </summary>
public abstract class PreferenceStoreContract
{
    /// <summary>The clock the store reads (claims, leases, delivery times).</summary>
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A new store holding nothing, reading <paramref name="time"/>.</summary>
    protected abstract Task<IPreferenceStore> CreateStoreAsync(TimeProvider time);

    private Task<IPreferenceStore> NewStoreAsync() => CreateStoreAsync(Time);

    // ---- settings -------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Settings_are_the_hosted_pages_until_an_admin_saves_them()
    {
        var store = await NewStoreAsync();

        Assert.Equal(ProviderSettings.Default, await store.GetSettingsAsync());
    }

    [StoreFact]
    public async Task Saved_settings_replace_the_previous_ones()
    {
        var store = await NewStoreAsync();

        await store.SaveSettingsAsync(ProviderSettings.Create(PreferenceCenterMode.CustomUrl, "https://brand.example/prefs"));
        Assert.Equal(new ProviderSettings(PreferenceCenterMode.CustomUrl, new Uri("https://brand.example/prefs")), await store.GetSettingsAsync());

        await store.SaveSettingsAsync(new ProviderSettings(PreferenceCenterMode.None));
        Assert.Equal(new ProviderSettings(PreferenceCenterMode.None), await store.GetSettingsAsync());
    }

    // ---- groups ---------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Groups_are_listed_by_order_then_name()
    {
        var store = await NewStoreAsync();
        await store.AddGroupAsync(Group("Product news", order: 2));
        await store.AddGroupAsync(Group("Offers", order: 1));
        await store.AddGroupAsync(Group("Events", order: 2));

        var names = (await store.ListGroupsAsync()).Select(g => g.Name);

        Assert.Equal(["Offers", "Events", "Product news"], names);
    }

    [StoreFact]
    public async Task Archived_groups_are_listed_only_when_asked_for_and_still_found_by_id()
    {
        var store = await NewStoreAsync();
        var kept = Group("Newsletters");
        var archived = Group("Webinars") with { Archived = true, OptIn = true, Description = "**Live** sessions" };
        await store.AddGroupAsync(kept);
        await store.AddGroupAsync(archived);

        Assert.Equal([kept], await store.ListGroupsAsync());
        Assert.Equal([kept, archived], await store.ListGroupsAsync(includeArchived: true));
        Assert.Equal(archived, await store.GetGroupAsync(archived.Id));
        Assert.Null(await store.GetGroupAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task A_group_name_already_used_in_any_case_is_refused()
    {
        var store = await NewStoreAsync();
        await store.AddGroupAsync(Group("Newsletters"));

        var error = await Assert.ThrowsAsync<PreferenceValidationException>(() => store.AddGroupAsync(Group("NEWSLETTERS")));

        Assert.Equal(ErrorCodes.GroupNameDuplicate, error.Code);
        Assert.Equal("name", error.Field);
        Assert.Single(await store.ListGroupsAsync(includeArchived: true));
    }

    [StoreFact]
    public async Task Updating_a_group_replaces_it_and_keeps_names_unique()
    {
        var store = await NewStoreAsync();
        var news = Group("Newsletters");
        var offers = Group("Offers", order: 1);
        await store.AddGroupAsync(news);
        await store.AddGroupAsync(offers);

        var renamed = news with { Name = "newsletters", Description = "Monthly", Order = 5, OptIn = true };
        await store.UpdateGroupAsync(renamed); // its own name in another case is no clash
        Assert.Equal(renamed, await store.GetGroupAsync(news.Id));

        var clash = await Assert.ThrowsAsync<PreferenceValidationException>(() => store.UpdateGroupAsync(offers with { Name = "NewsLetters" }));
        Assert.Equal(ErrorCodes.GroupNameDuplicate, clash.Code);
        Assert.Equal(offers, await store.GetGroupAsync(offers.Id));

        var missing = await Assert.ThrowsAsync<PreferenceValidationException>(() => store.UpdateGroupAsync(Group("Ghost")));
        Assert.Equal(ErrorCodes.GroupNotFound, missing.Code);
        Assert.Equal(2, (await store.ListGroupsAsync(includeArchived: true)).Count);
    }

    // ---- contacts -------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task A_contact_is_found_by_id_and_by_email_in_any_case()
    {
        var store = await NewStoreAsync();
        var ana = Contact("Ana.Lopez@example.com", "es");
        await store.AddContactAsync(ana);

        Assert.Equal(ana, await store.GetContactAsync(ana.Id));
        Assert.Equal(ana, await store.FindContactByEmailAsync("ana.lopez@EXAMPLE.com"));
        Assert.Equal(ana, await store.FindContactByEmailAsync("  Ana.Lopez@example.com "));
        Assert.Null(await store.FindContactByEmailAsync("someone@example.com"));
        Assert.Null(await store.GetContactAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task A_known_email_in_any_case_is_refused()
    {
        var store = await NewStoreAsync();
        await store.AddContactAsync(Contact("ana@example.com"));

        var error = await Assert.ThrowsAsync<PreferenceValidationException>(() => store.AddContactAsync(Contact("ANA@example.com", "fr")));

        Assert.Equal(ErrorCodes.EmailDuplicate, error.Code);
        Assert.Equal("email", error.Field);
        Assert.Equal(1, (await store.ListContactsAsync(null, 0, 10)).Total);
    }

    [StoreFact]
    public async Task Contacts_are_searched_and_paged_in_email_order()
    {
        var store = await NewStoreAsync();
        foreach (var email in new[] { "dan@shop.example", "Bea@example.com", "carl@example.com", "amy@example.com", "eve@EXAMPLE.org" })
            await store.AddContactAsync(Contact(email));

        var all = await store.ListContactsAsync(null, 0, 100);
        Assert.Equal(5, all.Total);
        Assert.Equal(["amy@example.com", "Bea@example.com", "carl@example.com", "dan@shop.example", "eve@example.org"], all.Items.Select(c => c.Email));

        var page = await store.ListContactsAsync("  EXAMPLE.COM ", 1, 1);
        Assert.Equal(3, page.Total);
        Assert.Equal(["Bea@example.com"], page.Items.Select(c => c.Email));

        var beyond = await store.ListContactsAsync("example.com", 3, 10);
        Assert.Equal(3, beyond.Total);
        Assert.Empty(beyond.Items);

        Assert.Equal(0, (await store.ListContactsAsync("nobody", 0, 10)).Total);
    }

    [StoreFact]
    public async Task Search_text_is_matched_literally()
    {
        var store = await NewStoreAsync();
        foreach (var email in new[] { "a_b@example.com", "axb@example.com", "100%@example.com", "1000@example.com" })
            await store.AddContactAsync(Contact(email));

        Assert.Equal(["a_b@example.com"], (await store.ListContactsAsync("a_b", 0, 10)).Items.Select(c => c.Email));
        Assert.Equal(["100%@example.com"], (await store.ListContactsAsync("0%", 0, 10)).Items.Select(c => c.Email));
    }

    [StoreFact]
    public async Task Contacts_stream_in_email_order()
    {
        var store = await NewStoreAsync();
        foreach (var email in new[] { "c@example.com", "A@example.com", "b@example.com" })
            await store.AddContactAsync(Contact(email));

        var streamed = new List<string>();
        await foreach (var c in store.StreamContactsAsync())
            streamed.Add(c.Email);

        Assert.Equal(["A@example.com", "b@example.com", "c@example.com"], streamed);
    }

    [StoreFact]
    public async Task Import_adds_new_contacts_and_counts_known_emails_as_duplicates()
    {
        var store = await NewStoreAsync();
        var known = Contact("known@example.com", "fr");
        await store.AddContactAsync(known);

        var incoming = Enumerable.Range(0, 2500).Select(i => Contact($"user{i:D5}@example.com", i % 2 == 0 ? "en" : null))
            .Append(Contact("KNOWN@example.com", "hi"))   // known before the import
            .Append(Contact("USER00007@example.com"));    // repeated inside the import
        var outcome = await store.ImportContactsAsync(ToAsync(incoming));

        Assert.Equal(new ImportOutcome(2500, 2), outcome);
        Assert.Equal(2501, (await store.ListContactsAsync(null, 0, 10)).Total);
        Assert.Equal(known, await store.FindContactByEmailAsync("known@example.com")); // left unchanged
        Assert.Equal("en", (await store.FindContactByEmailAsync("user00042@example.com"))!.Locale);
    }

    // ---- campaigns ------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Campaigns_are_listed_newest_first_and_round_trip()
    {
        var store = await NewStoreAsync();
        var groupIds = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var first = new Campaign { Id = Guid.NewGuid(), Name = "Welcome", GroupIds = groupIds, Html = "<p>*|CT_MANAGE_PREFERENCES|*</p>", Subject = "Hi", SendToOptedOut = true };
        var second = new Campaign { Id = Guid.NewGuid(), Name = "Autumn sale" };
        var third = new Campaign { Id = Guid.NewGuid(), Name = "Black Friday" };
        await store.AddCampaignAsync(first);
        await store.AddCampaignAsync(second);
        await store.AddCampaignAsync(third);

        Assert.Equal([third.Id, second.Id, first.Id], (await store.ListCampaignsAsync()).Select(c => c.Id));
        AssertSameCampaign(first, await store.GetCampaignAsync(first.Id));
        Assert.Null(await store.GetCampaignAsync(Guid.NewGuid()));
    }

    [StoreFact]
    public async Task Updating_a_campaign_replaces_it_and_keeps_its_place()
    {
        var store = await NewStoreAsync();
        var first = new Campaign { Id = Guid.NewGuid(), Name = "Welcome" };
        var second = new Campaign { Id = Guid.NewGuid(), Name = "Sale" };
        await store.AddCampaignAsync(first);
        await store.AddCampaignAsync(second);

        var edited = first with { Name = "Welcome v2", GroupIds = [Guid.NewGuid()], Html = "<p>new</p>", Subject = "Hello", SendToOptedOut = true };
        await store.UpdateCampaignAsync(edited);

        AssertSameCampaign(edited, await store.GetCampaignAsync(first.Id));
        Assert.Equal([second.Id, first.Id], (await store.ListCampaignsAsync()).Select(c => c.Id));
        var missing = await Assert.ThrowsAsync<PreferenceValidationException>(() => store.UpdateCampaignAsync(new Campaign { Id = Guid.NewGuid(), Name = "Ghost" }));
        Assert.Equal(ErrorCodes.CampaignNotFound, missing.Code);
    }

    // ---- preferences, ledger, events ------------------------------------------------------------------------

    [StoreFact]
    public async Task A_contact_who_never_chose_has_no_stored_preferences()
    {
        var store = await NewStoreAsync();
        var ana = Contact("ana@example.com");
        await store.AddContactAsync(ana);

        Assert.Null(await store.GetPreferencesAsync(ana.Id));
        Assert.Empty(await store.GetPreferencesAsync([ana.Id]));
    }

    [StoreFact]
    public async Task A_committed_change_stores_preferences_ledger_and_event_together()
    {
        var store = await NewStoreAsync();
        var ana = Contact("ana@example.com");
        await store.AddContactAsync(ana);
        Guid news = Guid.NewGuid(), offers = Guid.NewGuid();
        var prefs = new ContactPreferences
        {
            ContactId = ana.Id,
            AllCommunication = false,
            Groups = ImmutableDictionary<Guid, bool>.Empty.Add(news, false).Add(offers, false),
            GroupsBeforeUnsubscribeAll = [news],
        };
        var change = Change(prefs, expectedVersion: 0, campaignId: Guid.NewGuid(), locale: "hi",
            (null, true, false), (news, true, false), (offers, true, false));

        Assert.True(await store.TryCommitChangeAsync(change));

        var stored = await store.GetPreferencesAsync(ana.Id);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.False(stored.AllCommunication);
        Assert.Equal(prefs.Groups.OrderBy(p => p.Key), stored.Groups.OrderBy(p => p.Key));
        Assert.Equal([news], stored.GroupsBeforeUnsubscribeAll!);

        var ledger = await store.ListLedgerAsync(ana.Id);
        Assert.Equal(change.Ledger, ledger.Select(r => r with { Sequence = 0 }));
        Assert.True(ledger.Zip(ledger.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));

        var events = await store.ListEventsAsync(ana.Id);
        var message = Assert.Single(events);
        AssertSameEvent(change.Event, message.Event);
        Assert.Null(message.DeliveredAt);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(change.Event.Time, message.NextAttemptAt);
    }

    [StoreFact]
    public async Task Versions_advance_with_each_commit_and_resubscribe_clears_the_remembered_groups()
    {
        var store = await NewStoreAsync();
        var ana = Contact("ana@example.com");
        await store.AddContactAsync(ana);
        var news = Guid.NewGuid();
        var off = new ContactPreferences { ContactId = ana.Id, AllCommunication = false, GroupsBeforeUnsubscribeAll = [news] };
        Assert.True(await store.TryCommitChangeAsync(Change(off, 0, null, null, (null, true, false))));

        var on = new ContactPreferences { ContactId = ana.Id, AllCommunication = true, Groups = ImmutableDictionary<Guid, bool>.Empty.Add(news, true) };
        Assert.True(await store.TryCommitChangeAsync(Change(on, 1, null, null, (null, false, true))));

        var stored = await store.GetPreferencesAsync(ana.Id);
        Assert.Equal(2, stored!.Version);
        Assert.True(stored.AllCommunication);
        Assert.Null(stored.GroupsBeforeUnsubscribeAll);
        Assert.True(stored.Groups[news]);
    }

    [StoreFact]
    public async Task A_change_computed_from_a_stale_version_is_refused_and_writes_nothing()
    {
        var store = await NewStoreAsync();
        var ana = Contact("ana@example.com");
        await store.AddContactAsync(ana);
        var first = new ContactPreferences { ContactId = ana.Id, AllCommunication = false };
        Assert.True(await store.TryCommitChangeAsync(Change(first, 0, null, null, (null, true, false))));

        var fromNothing = Change(new ContactPreferences { ContactId = ana.Id, Groups = ImmutableDictionary<Guid, bool>.Empty.Add(Guid.NewGuid(), false) },
            0, null, null, (null, false, true));
        var fromTheFuture = Change(new ContactPreferences { ContactId = ana.Id }, 7, null, null, (null, false, true));

        Assert.False(await store.TryCommitChangeAsync(fromNothing));
        Assert.False(await store.TryCommitChangeAsync(fromTheFuture));

        var stored = await store.GetPreferencesAsync(ana.Id);
        Assert.Equal(1, stored!.Version);
        Assert.False(stored.AllCommunication);
        Assert.Empty(stored.Groups);
        Assert.Single(await store.ListLedgerAsync(ana.Id));
        Assert.Single(await store.ListEventsAsync(ana.Id));
    }

    [StoreFact]
    public async Task Preferences_of_many_contacts_are_read_at_once()
    {
        var store = await NewStoreAsync();
        Contact ana = Contact("ana@example.com"), bob = Contact("bob@example.com"), cy = Contact("cy@example.com");
        foreach (var c in new[] { ana, bob, cy }) await store.AddContactAsync(c);
        Assert.True(await store.TryCommitChangeAsync(Change(new ContactPreferences { ContactId = ana.Id, AllCommunication = false }, 0, null, null, (null, true, false))));
        Assert.True(await store.TryCommitChangeAsync(Change(new ContactPreferences { ContactId = cy.Id, AllCommunication = false }, 0, null, null, (null, true, false))));

        var found = await store.GetPreferencesAsync([ana.Id, bob.Id, cy.Id, Guid.NewGuid()]);

        Assert.Equal(new[] { ana.Id, cy.Id }.Order(), found.Keys.Order());
        Assert.All(found.Values, p => Assert.False(p.AllCommunication));
        Assert.Equal(ana.Id, found[ana.Id].ContactId);
    }

    [StoreFact]
    public async Task Ledger_and_events_are_kept_in_commit_order_per_contact_and_overall()
    {
        var store = await NewStoreAsync();
        Contact ana = Contact("ana@example.com"), bob = Contact("bob@example.com");
        await store.AddContactAsync(ana);
        await store.AddContactAsync(bob);
        var g = Guid.NewGuid();
        var changes = new List<PreferenceChange>();
        var versions = new Dictionary<Guid, long> { [ana.Id] = 0, [bob.Id] = 0 };
        for (var i = 0; i < 6; i++)
        {
            var who = i % 3 == 2 ? bob : ana;
            var version = versions[who.Id];
            var value = version % 2 == 1;
            var change = Change(new ContactPreferences { ContactId = who.Id, Groups = ImmutableDictionary<Guid, bool>.Empty.Add(g, value) },
                version, null, null, (g, !value, value));
            Assert.True(await store.TryCommitChangeAsync(change));
            versions[who.Id] = version + 1;
            changes.Add(change);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var all = await store.ListLedgerAsync(null);
        Assert.Equal(changes.Select(c => c.Event.Id), all.Select(r => r.ChangeId));
        Assert.Equal(changes.Where(c => c.Event.ContactId == bob.Id).Select(c => c.Event.Id), (await store.ListLedgerAsync(bob.Id)).Select(r => r.ChangeId));
        Assert.Equal(changes.Skip(4).Select(c => c.Event.Id), (await store.ListLedgerAsync(null, take: 2)).Select(r => r.ChangeId)); // newest last

        Assert.Equal(changes.Select(c => c.Event.Id), (await store.ListEventsAsync(null)).Select(m => m.Event.Id));
        Assert.Equal(changes.Where(c => c.Event.ContactId == ana.Id).Select(c => c.Event.Id), (await store.ListEventsAsync(ana.Id)).Select(m => m.Event.Id));
        Assert.Equal(changes.Skip(5).Select(c => c.Event.Id), (await store.ListEventsAsync(null, take: 1)).Select(m => m.Event.Id));
    }

    // ---- outbox ---------------------------------------------------------------------------------------------

    [StoreFact]
    public async Task Claimed_events_are_hidden_from_other_owners_until_the_lease_ends()
    {
        var store = await NewStoreAsync();
        var ids = await CommitEventsAsync(store, 3);

        var first = await store.ClaimPendingEventsAsync("host-a", max: 2, lease: TimeSpan.FromMinutes(1));
        Assert.Equal(ids.Take(2), first.Select(m => m.Event.Id));

        var second = await store.ClaimPendingEventsAsync("host-b", max: 10, lease: TimeSpan.FromMinutes(1));
        Assert.Equal(ids.Skip(2), second.Select(m => m.Event.Id));
        Assert.Empty(await store.ClaimPendingEventsAsync("host-c", max: 10, lease: TimeSpan.FromMinutes(1)));

        Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterLease = await store.ClaimPendingEventsAsync("host-c", max: 10, lease: TimeSpan.FromMinutes(1));
        Assert.Equal(ids, afterLease.Select(m => m.Event.Id));
    }

    [StoreFact]
    public async Task An_event_is_not_due_before_its_time()
    {
        var store = await NewStoreAsync();
        var ana = Contact("ana@example.com");
        await store.AddContactAsync(ana);
        var change = Change(new ContactPreferences { ContactId = ana.Id, AllCommunication = false }, 0, null, null, (null, true, false));
        change = change with { Event = change.Event with { Time = Time.GetUtcNow().AddMinutes(5) } };
        Assert.True(await store.TryCommitChangeAsync(change));

        Assert.Empty(await store.ClaimPendingEventsAsync("host-a", 10, TimeSpan.FromMinutes(1)));
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(await store.ClaimPendingEventsAsync("host-a", 10, TimeSpan.FromMinutes(1)));
    }

    [StoreFact]
    public async Task A_delivered_event_is_never_claimed_again()
    {
        var store = await NewStoreAsync();
        var ids = await CommitEventsAsync(store, 2);
        var claimed = await store.ClaimPendingEventsAsync("host-a", 10, TimeSpan.FromSeconds(30));
        Assert.Equal(2, claimed.Count);

        Time.Advance(TimeSpan.FromSeconds(3));
        await store.MarkDeliveredAsync(ids[0]);
        Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal([ids[1]], (await store.ClaimPendingEventsAsync("host-b", 10, TimeSpan.FromSeconds(30))).Select(m => m.Event.Id));
        var delivered = (await store.ListEventsAsync(null)).Single(m => m.Event.Id == ids[0]);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 5, TimeSpan.Zero), delivered.DeliveredAt); // 2 commits 1 s apart, then 3 s
        Assert.Equal(1, delivered.Attempts);
    }

    [StoreFact]
    public async Task A_failed_attempt_is_recorded_releases_the_lease_and_waits_for_its_retry_time()
    {
        var store = await NewStoreAsync();
        var ids = await CommitEventsAsync(store, 1);
        Assert.Single(await store.ClaimPendingEventsAsync("host-a", 10, TimeSpan.FromMinutes(10)));

        var retryAt = Time.GetUtcNow().AddSeconds(30);
        await store.MarkFailedAsync(ids[0], retryAt, "receiver answered 500");

        var failed = Assert.Single(await store.ListEventsAsync(null));
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(retryAt, failed.NextAttemptAt);
        Assert.Equal("receiver answered 500", failed.LastError);
        Assert.Null(failed.DeliveredAt);
        Assert.Empty(await store.ClaimPendingEventsAsync("host-b", 10, TimeSpan.FromMinutes(1)));

        Time.Advance(TimeSpan.FromSeconds(30)); // due again, and host-a's ten-minute lease no longer holds it
        var retried = Assert.Single(await store.ClaimPendingEventsAsync("host-b", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(ids[0], retried.Event.Id);
        Assert.Equal(1, retried.Attempts);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>A group named <paramref name="name"/>.</summary>
    protected static SubscriptionGroup Group(string name, int order = 0) => new() { Id = Guid.NewGuid(), Name = name, Order = order };

    /// <summary>A contact with a normalized email.</summary>
    protected static Contact Contact(string email, string? locale = null) =>
        new() { Id = Guid.NewGuid(), Email = global::PreferenceUiKit.Core.Domain.Contact.NormalizeEmail(email), Locale = locale };

    /// <summary>A change to <paramref name="prefs"/> with one ledger row per (group, old, new) and its event.</summary>
    protected PreferenceChange Change(ContactPreferences prefs, long expectedVersion, Guid? campaignId, string? locale,
        params (Guid? Group, bool Old, bool New)[] rows)
    {
        var now = Time.GetUtcNow();
        var changeId = Guid.CreateVersion7(now);
        var ledger = rows.Select(r => new ConsentLedgerEntry
        {
            ChangeId = changeId, ContactId = prefs.ContactId, GroupId = r.Group, OldValue = r.Old, NewValue = r.New,
            Source = ChangeSource.PreferencePage, CampaignId = campaignId, Time = now, Locale = locale,
        }).ToList();
        var groupRows = rows.Where(r => r.Group is not null).ToList();
        var evt = new ChannelUnsubscribedEvent
        {
            Id = changeId,
            ContactId = prefs.ContactId,
            CampaignId = campaignId,
            LinkKind = campaignId is null ? null : LinkKind.ManagePreferences,
            Source = ChangeSource.PreferencePage,
            AllCommunicationBefore = rows.Where(r => r.Group is null).Select(r => r.Old).DefaultIfEmpty(prefs.AllCommunication).First(),
            AllCommunicationAfter = prefs.AllCommunication,
            GroupsBefore = groupRows.ToImmutableDictionary(r => r.Group!.Value, r => r.Old),
            GroupsAfter = groupRows.ToImmutableDictionary(r => r.Group!.Value, r => r.New),
            Time = now,
            Locale = locale,
        };
        return new PreferenceChange(expectedVersion, prefs, ledger, evt);
    }

    /// <summary>Commits one change for each of <paramref name="count"/> new contacts, one second apart; returns the event ids.</summary>
    protected async Task<List<Guid>> CommitEventsAsync(IPreferenceStore store, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var c = Contact($"reader{i}@example.com");
            await store.AddContactAsync(c);
            var change = Change(new ContactPreferences { ContactId = c.Id, AllCommunication = false }, 0, null, "en", (null, true, false));
            Assert.True(await store.TryCommitChangeAsync(change));
            ids.Add(change.Event.Id);
            Time.Advance(TimeSpan.FromSeconds(1));
        }
        return ids;
    }

    /// <summary>Asserts two events carry the same properties.</summary>
    protected static void AssertSameEvent(ChannelUnsubscribedEvent expected, ChannelUnsubscribedEvent actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.ContactId, actual.ContactId);
        Assert.Equal(expected.CampaignId, actual.CampaignId);
        Assert.Equal(expected.LinkKind, actual.LinkKind);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.AllCommunicationBefore, actual.AllCommunicationBefore);
        Assert.Equal(expected.AllCommunicationAfter, actual.AllCommunicationAfter);
        Assert.Equal(expected.GroupsBefore.OrderBy(p => p.Key), actual.GroupsBefore.OrderBy(p => p.Key));
        Assert.Equal(expected.GroupsAfter.OrderBy(p => p.Key), actual.GroupsAfter.OrderBy(p => p.Key));
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Locale, actual.Locale);
    }

    private static void AssertSameCampaign(Campaign expected, Campaign? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { GroupIds = [] }, actual with { GroupIds = [] });
        Assert.Equal(expected.GroupIds, actual.GroupIds);
    }

    private static async IAsyncEnumerable<Contact> ToAsync(IEnumerable<Contact> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }
}
