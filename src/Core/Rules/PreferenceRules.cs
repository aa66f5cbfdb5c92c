using System.Collections.Immutable;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Core.Rules;

/// <summary>
/// The preference center's rules (S3-S11, S14, B2, B5, B9, B10) in one place. Pages, APIs and the sender ask
/// this class; they do not decide. Reading (<see cref="OpenAsync"/>) never changes anything (B2): only
/// <see cref="SavePreferencesAsync"/>, <see cref="ConfirmGroupUnsubscribeAsync"/> and
/// <see cref="ResubscribeAsync"/> do, and none of them for a test link.
/// </summary>
public sealed class PreferenceRules(IPreferenceStore store, TimeProvider? time = null)
{
    private const int MaxCommitAttempts = 50;
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>What a link shows. Changes nothing (B2).</summary>
    public async Task<LinkPage> OpenAsync(PreferenceLink link, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        var snapshot = await LoadAsync(link, ct);
        return BuildPage(link, snapshot, snapshot.Preferences);
    }

    /// <summary>
    /// Saves the Manage Email Preferences form (S7, S8, S10, B9). All communication = No sets every shown group
    /// to No; a group that was not shown keeps its value; a test link saves nothing and raises nothing.
    /// </summary>
    /// <exception cref="PreferenceValidationException">A group id is unknown or archived (field <c>groups</c>, the ids in <see cref="PreferenceValidationException.Values"/>).</exception>
    public async Task<SaveResult> SavePreferencesAsync(PreferenceLink link, PreferenceSubmission submission, string? locale = null,
        ChangeSource source = ChangeSource.PreferencePage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(submission);
        return await ApplyAsync(link, locale, source, ct, (snapshot, before) =>
        {
            var known = snapshot.Groups.Select(g => g.Id).ToHashSet();
            var unknown = submission.ShownGroupIds.Concat(submission.SubscribedGroupIds).Where(id => !known.Contains(id)).Distinct().ToList();
            if (unknown.Count > 0)
                throw new PreferenceValidationException("groups", ErrorCodes.UnknownGroups,
                    $"Unknown subscription group id(s): {string.Join(", ", unknown)}.", unknown.Select(u => u.ToString()).ToList());

            var shown = submission.ShownGroupIds.Concat(submission.SubscribedGroupIds).ToHashSet();
            var subscribed = submission.SubscribedGroupIds.ToHashSet();
            var groups = before.Groups;
            foreach (var id in shown)
                groups = groups.SetItem(id, submission.AllCommunication && subscribed.Contains(id));

            if (!submission.AllCommunication)
                return UnsubscribeFromAll(snapshot, before, groups);
            return before with { AllCommunication = true, Groups = groups, GroupsBeforeUnsubscribeAll = null };
        });
    }

    /// <summary>
    /// Confirms a Group Unsubscribe (S3-S6; also the RFC 8058 one-click POST with <see cref="ChangeSource.OneClick"/>):
    /// leaves the campaign's groups, or all email when the campaign has none (S4) or no group exists (S5).
    /// Idempotent: confirming twice changes nothing the second time.
    /// </summary>
    public Task<SaveResult> ConfirmGroupUnsubscribeAsync(PreferenceLink link, string? locale = null,
        ChangeSource source = ChangeSource.GroupUnsubscribeLink, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return ApplyAsync(link, locale, source, ct, (snapshot, before) =>
        {
            var scope = ScopeOf(snapshot, out var toLeave);
            if (scope != UnsubscribeScope.CampaignGroups)
                return UnsubscribeFromAll(snapshot, before, before.Groups.SetItems(snapshot.Groups.Select(g => KeyValuePair.Create(g.Id, false))));
            return before with { Groups = before.Groups.SetItems(toLeave.Select(g => KeyValuePair.Create(g.Id, false))) };
        });
    }

    /// <summary>
    /// Resubscribe after unsubscribing from all email (S5, B10): All communication back on and exactly the groups
    /// held before restored.
    /// </summary>
    public Task<SaveResult> ResubscribeAsync(PreferenceLink link, string? locale = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(link);
        return ApplyAsync(link, locale, ChangeSource.Resubscribe, ct, (_, before) =>
        {
            if (before.AllCommunication) return before;
            var restored = before.GroupsBeforeUnsubscribeAll ?? [];
            return before with
            {
                AllCommunication = true,
                Groups = before.Groups.SetItems(restored.Select(id => KeyValuePair.Create(id, true))),
                GroupsBeforeUnsubscribeAll = null,
            };
        });
    }

    /// <summary>
    /// Whether a campaign may be sent to a contact (S14, B10). With <see cref="Campaign.SendToOptedOut"/> everyone
    /// receives it. Otherwise the contact needs All communication on and every (non-archived) campaign group on.
    /// </summary>
    public static SendDecision DecideSend(Campaign campaign, ContactPreferences? preferences, IReadOnlyDictionary<Guid, SubscriptionGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(groups);
        if (campaign.SendToOptedOut) return SendDecision.SendOverridingOptOut;
        if (preferences is { AllCommunication: false }) return SendDecision.SkipUnsubscribedFromAll;
        foreach (var id in campaign.GroupIds)
        {
            if (!groups.TryGetValue(id, out var group) || group.Archived) continue;
            var state = preferences?.StoredGroupState(group) ?? group.DefaultSubscribed;
            if (!state) return SendDecision.SkipNotInGroup;
        }
        return SendDecision.Send;
    }

    private static ContactPreferences UnsubscribeFromAll(Snapshot snapshot, ContactPreferences before, ImmutableDictionary<Guid, bool> groups)
    {
        var remembered = before.AllCommunication
            ? snapshot.Groups.Where(before.StoredGroupState).Select(g => g.Id).ToImmutableHashSet()
            : before.GroupsBeforeUnsubscribeAll;
        return before with { AllCommunication = false, Groups = groups, GroupsBeforeUnsubscribeAll = remembered };
    }

    private async Task<SaveResult> ApplyAsync(PreferenceLink link, string? locale, ChangeSource source, CancellationToken ct,
        Func<Snapshot, ContactPreferences, ContactPreferences> decide)
    {
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var snapshot = await LoadAsync(link, ct);
            var before = snapshot.Preferences;
            var after = decide(snapshot, before);
            if (link.IsTest)
                return new SaveResult(SaveStatus.TestNotSaved, BuildPage(link, snapshot, after));
            if (snapshot.Contact is null)
                return new SaveResult(SaveStatus.ContactMissing, BuildPage(link, snapshot, before));

            var now = _time.GetUtcNow();
            var changeId = Guid.CreateVersion7(now);
            var ledger = Diff(snapshot, before, after, changeId, link, source, locale, now);
            if (ledger.Count == 0)
                return new SaveResult(SaveStatus.Unchanged, BuildPage(link, snapshot, before));

            var evt = new ChannelUnsubscribedEvent
            {
                Id = changeId,
                ContactId = link.ContactId,
                CampaignId = snapshot.Campaign?.Id ?? link.CampaignId,
                LinkKind = link.Kind,
                Source = source,
                AllCommunicationBefore = before.AllCommunication,
                AllCommunicationAfter = after.AllCommunication,
                GroupsBefore = snapshot.Groups.ToImmutableDictionary(g => g.Id, before.EffectiveGroupState),
                GroupsAfter = snapshot.Groups.ToImmutableDictionary(g => g.Id, after.EffectiveGroupState),
                Time = now,
                Locale = locale,
            };
            if (await store.TryCommitChangeAsync(new PreferenceChange(before.Version, after, ledger, evt), ct))
                return new SaveResult(SaveStatus.Saved, BuildPage(link, snapshot, after with { Version = before.Version + 1 }), changeId);
        }
        throw new InvalidOperationException($"Preferences of contact {link.ContactId} kept changing during {MaxCommitAttempts} attempts to save.");
    }

    private static List<ConsentLedgerEntry> Diff(Snapshot snapshot, ContactPreferences before, ContactPreferences after, Guid changeId,
        PreferenceLink link, ChangeSource source, string? locale, DateTimeOffset now)
    {
        var rows = new List<ConsentLedgerEntry>();
        ConsentLedgerEntry Row(Guid? groupId, bool oldValue, bool newValue) => new()
        {
            ChangeId = changeId, ContactId = link.ContactId, GroupId = groupId, OldValue = oldValue, NewValue = newValue,
            Source = source, CampaignId = link.CampaignId, Time = now, Locale = locale,
        };
        if (before.AllCommunication != after.AllCommunication)
            rows.Add(Row(null, before.AllCommunication, after.AllCommunication));
        foreach (var group in snapshot.Groups)
        {
            bool o = before.StoredGroupState(group), n = after.StoredGroupState(group);
            if (o != n) rows.Add(Row(group.Id, o, n));
        }
        return rows;
    }

    private sealed record Snapshot(Contact? Contact, Campaign? Campaign, IReadOnlyList<SubscriptionGroup> Groups, ContactPreferences Preferences);

    private async Task<Snapshot> LoadAsync(PreferenceLink link, CancellationToken ct)
    {
        var contact = link.ContactId == Guid.Empty ? null : await store.GetContactAsync(link.ContactId, ct);
        var campaign = link.CampaignId is { } cid ? await store.GetCampaignAsync(cid, ct) : null;
        var groups = await store.ListGroupsAsync(includeArchived: false, ct);
        var prefs = contact is null ? null : await store.GetPreferencesAsync(contact.Id, ct);
        return new Snapshot(contact, campaign, groups, prefs ?? ContactPreferences.NewFor(link.ContactId));
    }

    private static UnsubscribeScope ScopeOf(Snapshot snapshot, out IReadOnlyList<SubscriptionGroup> toLeave)
    {
        toLeave = [];
        if (snapshot.Groups.Count == 0) return UnsubscribeScope.AllEmailNoGroupsConfigured;
        var campaignGroups = snapshot.Campaign?.GroupIds ?? [];
        // Archived or deleted campaign groups no longer count: with none left the link leaves all email (S4).
        toLeave = snapshot.Groups.Where(g => campaignGroups.Contains(g.Id)).ToList();
        return toLeave.Count > 0 ? UnsubscribeScope.CampaignGroups : UnsubscribeScope.AllEmailCampaignHasNoGroups;
    }

    private static LinkPage BuildPage(PreferenceLink link, Snapshot snapshot, ContactPreferences prefs) => new()
    {
        Link = link,
        Contact = snapshot.Contact,
        Campaign = snapshot.Campaign,
        Groups = snapshot.Groups.Select(g => new GroupState(g, prefs.EffectiveGroupState(g))).ToList(),
        AllCommunication = prefs.AllCommunication,
        Scope = ScopeOf(snapshot, out var toLeave),
        GroupsToLeave = toLeave,
    };
}

/// <summary>The send decision for one contact (S14).</summary>
public enum SendDecision
{
    /// <summary>The contact receives the campaign.</summary>
    Send = 1,
    /// <summary>The campaign overrides opt-outs, so the contact receives it whatever they chose.</summary>
    SendOverridingOptOut = 2,
    /// <summary>Skipped: unsubscribed from all email.</summary>
    SkipUnsubscribedFromAll = 3,
    /// <summary>Skipped: left (or never joined) one of the campaign's groups.</summary>
    SkipNotInGroup = 4,
}

/// <summary>Helpers on <see cref="SendDecision"/>.</summary>
public static class SendDecisionExtensions
{
    /// <summary>Whether the decision sends.</summary>
    public static bool Sends(this SendDecision decision) => decision is SendDecision.Send or SendDecision.SendOverridingOptOut;
}
