using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Rules;

namespace PreferenceUiKit.Core.Tests.Rules;

public class PreferenceRulesTests
{
    [Fact]
    public async Task S3_group_link_with_campaign_groups_leaves_exactly_those_groups()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups);

        var page = await f.Rules.OpenAsync(link);
        Assert.Equal(UnsubscribeScope.CampaignGroups, page.Scope);
        Assert.Equal([f.Groups[0].Id, f.Groups[1].Id], page.GroupsToLeave.Select(g => g.Id));

        var result = await f.Rules.ConfirmGroupUnsubscribeAsync(link, "fr");

        Assert.Equal(SaveStatus.Saved, result.Status);
        var state = await f.EffectiveAsync();
        Assert.False(state[f.Groups[0].Id]);
        Assert.False(state[f.Groups[1].Id]);
        Assert.True(state[f.Groups[2].Id]);
        Assert.True(await f.AllCommunicationAsync());
        Assert.True(result.Page.GroupsConfigured); // the done page offers Manage Email Preferences
    }

    [Fact]
    public async Task S4_group_link_without_campaign_groups_unsubscribes_from_all()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithoutGroups);

        Assert.Equal(UnsubscribeScope.AllEmailCampaignHasNoGroups, (await f.Rules.OpenAsync(link)).Scope);
        await f.Rules.ConfirmGroupUnsubscribeAsync(link);

        Assert.False(await f.AllCommunicationAsync());
        Assert.All((await f.EffectiveAsync()).Values, Assert.False);
    }

    [Fact]
    public async Task S4_group_link_whose_campaign_groups_are_all_archived_unsubscribes_from_all()
    {
        var f = new RulesFixture();
        await f.Store.UpdateGroupAsync(f.Groups[0] with { Archived = true });
        await f.Store.UpdateGroupAsync(f.Groups[1] with { Archived = true });
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups);

        Assert.Equal(UnsubscribeScope.AllEmailCampaignHasNoGroups, (await f.Rules.OpenAsync(link)).Scope);
        await f.Rules.ConfirmGroupUnsubscribeAsync(link);
        Assert.False(await f.AllCommunicationAsync());
    }

    [Fact]
    public async Task S5_group_link_with_no_groups_configured_unsubscribes_from_all_and_offers_resubscribe()
    {
        var f = new RulesFixture(groupCount: 0);
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithoutGroups);

        Assert.Equal(UnsubscribeScope.AllEmailNoGroupsConfigured, (await f.Rules.OpenAsync(link)).Scope);
        var result = await f.Rules.ConfirmGroupUnsubscribeAsync(link);

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.False(result.Page.AllCommunication);
        Assert.True(result.Page.CanResubscribe);
        Assert.False(result.Page.GroupsConfigured);
    }

    [Fact]
    public async Task S6_group_link_from_a_test_send_shows_all_groups_and_saves_nothing()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups, test: true);

        var page = await f.Rules.OpenAsync(link);
        Assert.Equal(f.Groups.Select(g => g.Id), page.Groups.Select(g => g.Group.Id));

        var result = await f.Rules.ConfirmGroupUnsubscribeAsync(link);

        Assert.Equal(SaveStatus.TestNotSaved, result.Status);
        Assert.All((await f.EffectiveAsync()).Values, Assert.True);
        Assert.Equal(0, await f.EventCountAsync());
        Assert.Empty(await f.Store.ListLedgerAsync(null));
    }

    [Fact]
    public async Task S6_test_link_for_an_address_that_is_not_a_contact_still_shows_the_page()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups, test: true, contactId: Guid.Empty);

        var page = await f.Rules.OpenAsync(link);

        Assert.False(page.ContactMissing);
        Assert.Equal(3, page.Groups.Count);
        Assert.Equal(SaveStatus.TestNotSaved, (await f.Rules.ConfirmGroupUnsubscribeAsync(link)).Status);
    }

    [Fact]
    public async Task S7_preference_link_shows_every_group_with_its_current_state()
    {
        var f = new RulesFixture();
        await f.Rules.ConfirmGroupUnsubscribeAsync(f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups));

        var page = await f.Rules.OpenAsync(f.Link(LinkKind.ManagePreferences, f.CampaignWithGroups));

        Assert.Equal([false, false, true], page.Groups.Select(g => g.Subscribed));
        Assert.True(page.AllCommunication);
    }

    [Fact]
    public async Task S7_all_communication_no_forces_every_group_off_even_if_posted_on()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences, f.CampaignWithGroups);

        var result = await f.Rules.SavePreferencesAsync(link, f.Form(all: false, shown: f.Groups, on: f.Groups), "hi");

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.False(await f.AllCommunicationAsync());
        Assert.All((await f.EffectiveAsync()).Values, Assert.False);
        var evt = Assert.Single(await f.Store.ListEventsAsync(f.Contact.Id)).Event;
        Assert.False(evt.AllCommunicationAfter);
        Assert.All(evt.GroupsAfter.Values, Assert.False);
        Assert.Equal("hi", evt.Locale);
    }

    [Fact]
    public async Task S7_save_changes_the_chosen_groups()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences, f.CampaignWithGroups);

        await f.Rules.SavePreferencesAsync(link, f.Form(true, f.Groups, [f.Groups[1]]));

        Assert.Equal([false, true, false], (await f.EffectiveAsync()).Values);
    }

    [Fact]
    public async Task S8_preference_link_from_a_campaign_without_groups_is_fully_usable()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences, f.CampaignWithoutGroups);

        var page = await f.Rules.OpenAsync(link);
        Assert.Equal(3, page.Groups.Count);

        var result = await f.Rules.SavePreferencesAsync(link, f.Form(true, f.Groups, [f.Groups[2]]));
        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.Equal([false, false, true], (await f.EffectiveAsync()).Values);
    }

    [Fact]
    public async Task S10_preference_link_from_a_test_send_is_viewable_and_saves_nothing()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences, f.CampaignWithGroups, test: true);

        var result = await f.Rules.SavePreferencesAsync(link, f.Form(false, f.Groups, []));

        Assert.Equal(SaveStatus.TestNotSaved, result.Status);
        Assert.False(result.Page.AllCommunication); // shown as it would be
        Assert.True(await f.AllCommunicationAsync()); // but nothing stored
        Assert.Equal(0, await f.EventCountAsync());
    }

    [Fact]
    public async Task S11_a_change_raises_Channel_Unsubscribed_with_its_properties()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups);

        var result = await f.Rules.ConfirmGroupUnsubscribeAsync(link, "fr");

        var message = Assert.Single(await f.Store.ListEventsAsync(f.Contact.Id));
        var evt = message.Event;
        Assert.Equal(result.EventId, evt.Id);
        Assert.Equal(f.Contact.Id, evt.ContactId);
        Assert.Equal(f.CampaignWithGroups!.Id, evt.CampaignId);
        Assert.Equal(LinkKind.GroupUnsubscribe, evt.LinkKind);
        Assert.Equal(ChangeSource.GroupUnsubscribeLink, evt.Source);
        Assert.True(evt.GroupsBefore[f.Groups[0].Id]);
        Assert.False(evt.GroupsAfter[f.Groups[0].Id]);
        Assert.True(evt.AllCommunicationAfter);
        Assert.Equal(f.Time.GetUtcNow(), evt.Time);
        Assert.Equal("fr", evt.Locale);
        var props = evt.ToProperties();
        Assert.Equal(new[] { f.Groups[0].Id.ToString(), f.Groups[1].Id.ToString() }.Order(), ((string[])props["unsubscribedGroups"]!).Order());
        Assert.Empty((string[])props["subscribedGroups"]!);
        Assert.Equal(ChannelUnsubscribedEvent.EventName, "Channel Unsubscribed");
    }

    [Fact]
    public async Task S11_a_save_that_changes_nothing_raises_nothing()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences);

        var result = await f.Rules.SavePreferencesAsync(link, f.Form(true, f.Groups, f.Groups));

        Assert.Equal(SaveStatus.Unchanged, result.Status);
        Assert.Equal(0, await f.EventCountAsync());
        Assert.Empty(await f.Store.ListLedgerAsync(null));
    }

    [Fact]
    public async Task S11_confirming_a_group_unsubscribe_twice_raises_one_event()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups);

        await f.Rules.ConfirmGroupUnsubscribeAsync(link);
        var second = await f.Rules.ConfirmGroupUnsubscribeAsync(link, source: ChangeSource.OneClick);

        Assert.Equal(SaveStatus.Unchanged, second.Status);
        Assert.Equal(1, await f.EventCountAsync());
    }

    [Fact]
    public void S14_without_override_an_opted_out_contact_is_skipped()
    {
        var f = new RulesFixture();
        var groups = f.Groups.ToDictionary(g => g.Id);
        var optedOut = new ContactPreferences { ContactId = f.Contact.Id, AllCommunication = false };
        var leftGroup = new ContactPreferences { ContactId = f.Contact.Id, Groups = System.Collections.Immutable.ImmutableDictionary<Guid, bool>.Empty.Add(f.Groups[1].Id, false) };

        Assert.Equal(SendDecision.SkipUnsubscribedFromAll, PreferenceRules.DecideSend(f.CampaignWithoutGroups, optedOut, groups));
        Assert.Equal(SendDecision.SkipNotInGroup, PreferenceRules.DecideSend(f.CampaignWithGroups!, leftGroup, groups));
        Assert.Equal(SendDecision.Send, PreferenceRules.DecideSend(f.CampaignWithoutGroups, leftGroup, groups));
        Assert.Equal(SendDecision.Send, PreferenceRules.DecideSend(f.CampaignWithGroups!, null, groups));
    }

    [Fact]
    public void S14_override_sends_to_an_opted_out_contact()
    {
        var f = new RulesFixture();
        var campaign = f.CampaignWithGroups! with { SendToOptedOut = true };
        var optedOut = new ContactPreferences { ContactId = f.Contact.Id, AllCommunication = false };

        var decision = PreferenceRules.DecideSend(campaign, optedOut, f.Groups.ToDictionary(g => g.Id));

        Assert.Equal(SendDecision.SendOverridingOptOut, decision);
        Assert.True(decision.Sends());
    }

    [Fact]
    public async Task B2_opening_any_link_changes_nothing()
    {
        var f = new RulesFixture();
        foreach (var kind in new[] { LinkKind.GroupUnsubscribe, LinkKind.ManagePreferences })
            foreach (var campaign in new[] { f.CampaignWithGroups, f.CampaignWithoutGroups, null })
                for (var i = 0; i < 3; i++)
                    await f.Rules.OpenAsync(f.Link(kind, campaign));

        Assert.Equal(0, await f.EventCountAsync());
        Assert.Null(await f.Store.GetPreferencesAsync(f.Contact.Id));
    }

    [Fact]
    public async Task B5_every_change_appends_ledger_rows_with_old_new_source_and_campaign()
    {
        var f = new RulesFixture();
        await f.Rules.ConfirmGroupUnsubscribeAsync(f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithGroups), "fr");
        await f.Rules.SavePreferencesAsync(f.Link(LinkKind.ManagePreferences), f.Form(true, f.Groups, f.Groups), "en");

        var rows = await f.Store.ListLedgerAsync(f.Contact.Id);

        Assert.Equal(4, rows.Count);
        Assert.Equal(rows.Select(r => r.Sequence).Order(), rows.Select(r => r.Sequence));
        Assert.All(rows.Take(2), r => Assert.Equal((true, false, ChangeSource.GroupUnsubscribeLink, f.CampaignWithGroups!.Id), (r.OldValue, r.NewValue, r.Source, r.CampaignId!.Value)));
        Assert.All(rows.Skip(2), r => Assert.Equal((false, true, ChangeSource.PreferencePage), (r.OldValue, r.NewValue, r.Source)));
        Assert.Equal([f.Groups[0].Id, f.Groups[1].Id], rows.Take(2).Select(r => r.GroupId!.Value));
    }

    [Fact]
    public async Task B5_all_communication_change_is_a_ledger_row_without_group()
    {
        var f = new RulesFixture(groupCount: 0);
        await f.Rules.ConfirmGroupUnsubscribeAsync(f.Link(LinkKind.GroupUnsubscribe));

        var row = Assert.Single(await f.Store.ListLedgerAsync(f.Contact.Id));
        Assert.Null(row.GroupId);
        Assert.True(row.OldValue);
        Assert.False(row.NewValue);
    }

    [Fact]
    public async Task B9_a_group_missing_from_the_posted_form_keeps_its_value()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences);
        // The form showed only group 0 (e.g. group 2 was created after the page was rendered).
        await f.Rules.SavePreferencesAsync(link, f.Form(true, shown: [f.Groups[0]], on: []));

        Assert.Equal([false, true, true], (await f.EffectiveAsync()).Values);
    }

    [Fact]
    public async Task B9_unknown_or_archived_group_ids_are_refused_and_nothing_is_saved()
    {
        var f = new RulesFixture();
        await f.Store.UpdateGroupAsync(f.Groups[2] with { Archived = true });
        var stranger = Guid.NewGuid();

        var ex = await Assert.ThrowsAsync<PreferenceValidationException>(() =>
            f.Rules.SavePreferencesAsync(f.Link(LinkKind.ManagePreferences), new PreferenceSubmission(true, [f.Groups[0].Id, stranger, f.Groups[2].Id], [])));

        Assert.Equal("groups", ex.Field);
        Assert.Equal(ErrorCodes.UnknownGroups, ex.Code);
        Assert.Equal([stranger.ToString(), f.Groups[2].Id.ToString()], ex.Values);
        Assert.Equal(0, await f.EventCountAsync());
    }

    [Fact]
    public async Task B10_opt_in_group_starts_off_and_opt_out_group_starts_on()
    {
        var f = new RulesFixture();
        var optIn = new SubscriptionGroup { Id = Guid.NewGuid(), Name = "Beta program", Order = 9, OptIn = true };
        await f.Store.AddGroupAsync(optIn);

        var state = await f.EffectiveAsync();

        Assert.False(state[optIn.Id]);
        Assert.True(state[f.Groups[0].Id]);
        var campaign = new Campaign { Id = Guid.NewGuid(), Name = "Beta", GroupIds = [optIn.Id] };
        Assert.Equal(SendDecision.SkipNotInGroup, PreferenceRules.DecideSend(campaign, null, (await f.Store.ListGroupsAsync()).ToDictionary(g => g.Id)));
    }

    [Fact]
    public async Task B10_resubscribe_restores_exactly_the_groups_held_before_unsubscribing_from_all()
    {
        var f = new RulesFixture();
        // Holds groups 0 and 2; left group 1.
        await f.Rules.SavePreferencesAsync(f.Link(LinkKind.ManagePreferences), f.Form(true, f.Groups, [f.Groups[0], f.Groups[2]]));
        var unsubscribe = f.Link(LinkKind.GroupUnsubscribe, f.CampaignWithoutGroups);
        await f.Rules.ConfirmGroupUnsubscribeAsync(unsubscribe);
        Assert.All((await f.EffectiveAsync()).Values, Assert.False);

        var result = await f.Rules.ResubscribeAsync(unsubscribe, "en");

        Assert.Equal(SaveStatus.Saved, result.Status);
        Assert.True(await f.AllCommunicationAsync());
        Assert.Equal([true, false, true], (await f.EffectiveAsync()).Values);
        Assert.Equal(ChangeSource.Resubscribe, (await f.Store.ListEventsAsync(f.Contact.Id))[^1].Event.Source);
    }

    [Fact]
    public async Task B10_unsubscribing_from_all_twice_keeps_the_first_memory()
    {
        var f = new RulesFixture();
        await f.Rules.SavePreferencesAsync(f.Link(LinkKind.ManagePreferences), f.Form(true, f.Groups, [f.Groups[1]]));
        await f.Rules.SavePreferencesAsync(f.Link(LinkKind.ManagePreferences), f.Form(false, f.Groups, []));
        await f.Rules.ConfirmGroupUnsubscribeAsync(f.Link(LinkKind.GroupUnsubscribe));

        await f.Rules.ResubscribeAsync(f.Link(LinkKind.GroupUnsubscribe));

        Assert.Equal([false, true, false], (await f.EffectiveAsync()).Values);
    }

    [Fact]
    public async Task Resubscribe_when_subscribed_changes_nothing()
    {
        var f = new RulesFixture();
        var result = await f.Rules.ResubscribeAsync(f.Link(LinkKind.GroupUnsubscribe));
        Assert.Equal(SaveStatus.Unchanged, result.Status);
        Assert.Equal(0, await f.EventCountAsync());
    }

    [Fact]
    public async Task S15_a_link_to_a_deleted_contact_reports_the_contact_missing_and_saves_nothing()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences, contactId: Guid.NewGuid());

        var page = await f.Rules.OpenAsync(link);
        var result = await f.Rules.SavePreferencesAsync(link, f.Form(false, f.Groups, []));

        Assert.True(page.ContactMissing);
        Assert.Equal(SaveStatus.ContactMissing, result.Status);
        Assert.Equal(0, await f.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_saves_of_one_contact_lose_no_update()
    {
        var f = new RulesFixture();
        var link = f.Link(LinkKind.ManagePreferences);
        var tabs = Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            f.Rules.SavePreferencesAsync(link, f.Form(true, [f.Groups[i % 3]], (i / 3) % 2 == 0 ? [] : [f.Groups[i % 3]]))));

        var results = await Task.WhenAll(tabs);

        var saved = results.Count(r => r.Status == SaveStatus.Saved);
        Assert.Equal(saved, await f.EventCountAsync());
        // The ledger replays to the final state: no change was lost between read and write.
        var replay = f.Groups.ToDictionary(g => g.Id, _ => true);
        foreach (var row in await f.Store.ListLedgerAsync(f.Contact.Id))
        {
            Assert.Equal(replay[row.GroupId!.Value], row.OldValue);
            replay[row.GroupId.Value] = row.NewValue;
        }
        Assert.Equal(replay, await f.EffectiveAsync());
    }
}
