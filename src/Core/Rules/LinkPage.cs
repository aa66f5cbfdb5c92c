using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;

namespace PreferenceUiKit.Core.Rules;

/// <summary>What the Group Unsubscribe link will leave (rules S3-S5).</summary>
public enum UnsubscribeScope
{
    /// <summary>S3: the campaign's subscription groups.</summary>
    CampaignGroups = 1,
    /// <summary>S4: groups exist but none is on the campaign: all email.</summary>
    AllEmailCampaignHasNoGroups = 2,
    /// <summary>S5: no groups configured: all email, with Resubscribe offered.</summary>
    AllEmailNoGroupsConfigured = 3,
}

/// <summary>A group as a page shows it, with the contact's effective state (rule B10).</summary>
/// <param name="Group">The group as created.</param>
/// <param name="Subscribed">Whether the contact receives it now.</param>
public sealed record GroupState(SubscriptionGroup Group, bool Subscribed);

/// <summary>Everything a recipient page needs to show for a link, decided by <see cref="PreferenceRules.OpenAsync"/>.</summary>
public sealed record LinkPage
{
    /// <summary>The verified link.</summary>
    public required PreferenceLink Link { get; init; }
    /// <summary>The contact, or null when it no longer exists (S15: <em>We could not retrieve your email address</em>); null also for test links to a non-contact.</summary>
    public Contact? Contact { get; init; }
    /// <summary>True when the page must show the <em>could not retrieve</em> error instead of its form.</summary>
    public bool ContactMissing => Contact is null && !Link.IsTest;
    /// <summary>The campaign, if the link names one that still exists.</summary>
    public Campaign? Campaign { get; init; }
    /// <summary>Every non-archived group, in order, with the contact's effective state.</summary>
    public required IReadOnlyList<GroupState> Groups { get; init; }
    /// <summary>Effective All communication state.</summary>
    public required bool AllCommunication { get; init; }
    /// <summary>What a Group Unsubscribe confirmation leaves.</summary>
    public required UnsubscribeScope Scope { get; init; }
    /// <summary>The groups a Group Unsubscribe leaves when <see cref="Scope"/> is <see cref="UnsubscribeScope.CampaignGroups"/>; otherwise empty.</summary>
    public required IReadOnlyList<SubscriptionGroup> GroupsToLeave { get; init; }
    /// <summary>Whether any subscription group exists (the Manage Email Preferences link is offered only then, S9).</summary>
    public bool GroupsConfigured => Groups.Count > 0;
    /// <summary>Whether the contact is unsubscribed from all email, so a Resubscribe button applies (S5, B10).</summary>
    public bool CanResubscribe => !AllCommunication && !Link.IsTest;
    /// <summary>Whether the Group Unsubscribe has already been applied (every group it would leave is already off).</summary>
    public bool AlreadyUnsubscribed => Scope == UnsubscribeScope.CampaignGroups
        ? GroupsToLeave.All(g => !Groups.First(s => s.Group.Id == g.Id).Subscribed)
        : !AllCommunication;
}

/// <summary>The preference form as posted (rule B9: only groups that were shown change).</summary>
/// <param name="AllCommunication">The All communication switch.</param>
/// <param name="ShownGroupIds">The groups the page showed (hidden fields in the form, every listed group in the API).</param>
/// <param name="SubscribedGroupIds">The groups left switched on; an id not in <paramref name="ShownGroupIds"/> counts as shown.</param>
public sealed record PreferenceSubmission(bool AllCommunication, IReadOnlyCollection<Guid> ShownGroupIds, IReadOnlyCollection<Guid> SubscribedGroupIds);

/// <summary>What a save, confirm or resubscribe did.</summary>
public enum SaveStatus
{
    /// <summary>Preferences changed; the ledger and an event record it.</summary>
    Saved = 1,
    /// <summary>The request matched the stored state; nothing written, no event.</summary>
    Unchanged = 2,
    /// <summary>A test link: validated, shown, never saved (S6, S10).</summary>
    TestNotSaved = 3,
    /// <summary>The contact no longer exists (S15).</summary>
    ContactMissing = 4,
}

/// <summary>The outcome of a save, with the page state after it.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Page">The page as it stands afterwards (for a test link: as it would stand).</param>
/// <param name="EventId">The Channel Unsubscribed event raised, when <see cref="SaveStatus.Saved"/>.</param>
public sealed record SaveResult(SaveStatus Status, LinkPage Page, Guid? EventId = null);
