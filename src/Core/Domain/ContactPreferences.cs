using System.Collections.Immutable;

namespace PreferenceUiKit.Core.Domain;

/// <summary>
/// What a contact chose. Groups the contact never touched follow the group's default (rule B10);
/// <see cref="EffectiveGroupState"/> gives what pages and the API show.
/// </summary>
public sealed record ContactPreferences
{
    /// <summary>The contact these preferences belong to.</summary>
    public required Guid ContactId { get; init; }
    /// <summary>The <em>All communication</em> switch: false means no email at all.</summary>
    public bool AllCommunication { get; init; } = true;
    /// <summary>Explicit choices per group id.</summary>
    public ImmutableDictionary<Guid, bool> Groups { get; init; } = ImmutableDictionary<Guid, bool>.Empty;
    /// <summary>
    /// Groups the contact was subscribed to right before unsubscribing from all email; Resubscribe restores
    /// exactly these (rule B10). Null when the contact has not unsubscribed from all.
    /// </summary>
    public ImmutableHashSet<Guid>? GroupsBeforeUnsubscribeAll { get; init; }
    /// <summary>Optimistic-concurrency version; stores increment it on every write.</summary>
    public long Version { get; init; }

    /// <summary>Preferences of a contact who has chosen nothing yet.</summary>
    public static ContactPreferences NewFor(Guid contactId) => new() { ContactId = contactId };

    /// <summary>The stored or default state of a group, ignoring <see cref="AllCommunication"/>.</summary>
    public bool StoredGroupState(SubscriptionGroup group) =>
        Groups.TryGetValue(group.Id, out var v) ? v : group.DefaultSubscribed;

    /// <summary>Whether the contact receives email of a group: All communication on and the group on.</summary>
    public bool EffectiveGroupState(SubscriptionGroup group) => AllCommunication && StoredGroupState(group);
}
