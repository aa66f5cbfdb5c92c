using System.Collections.Immutable;
using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.Events;

/// <summary>
/// Raised by every save that changes a contact's preferences (rule S11), and delivered through the
/// store's outbox at least once. <see cref="Id"/> lets receivers drop duplicates.
/// </summary>
public sealed record ChannelUnsubscribedEvent
{
    /// <summary>The event name as receivers see it.</summary>
    public const string EventName = "Channel Unsubscribed";

    /// <summary>Unique id, stable across redeliveries.</summary>
    public required Guid Id { get; init; }
    /// <summary>Who changed their preferences.</summary>
    public required Guid ContactId { get; init; }
    /// <summary>The campaign whose link was used, if any.</summary>
    public Guid? CampaignId { get; init; }
    /// <summary>The kind of link used, if the change came through a link.</summary>
    public LinkKind? LinkKind { get; init; }
    /// <summary>What made the change.</summary>
    public required ChangeSource Source { get; init; }
    /// <summary>All communication before the change.</summary>
    public required bool AllCommunicationBefore { get; init; }
    /// <summary>All communication after the change.</summary>
    public required bool AllCommunicationAfter { get; init; }
    /// <summary>Effective state of every shown group before the change.</summary>
    public required ImmutableDictionary<Guid, bool> GroupsBefore { get; init; }
    /// <summary>Effective state of every shown group after the change.</summary>
    public required ImmutableDictionary<Guid, bool> GroupsAfter { get; init; }
    /// <summary>When the change was committed.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>The page language the person saw (e.g. <c>fr</c>), if known.</summary>
    public string? Locale { get; init; }

    /// <summary>The event's properties as a flat name/value map, as analytics tools expect.</summary>
    public IReadOnlyDictionary<string, object?> ToProperties() => new Dictionary<string, object?>
    {
        ["contactId"] = ContactId,
        ["campaignId"] = CampaignId,
        ["linkKind"] = LinkKind?.ToString(),
        ["source"] = Source.ToString(),
        ["allCommunicationBefore"] = AllCommunicationBefore,
        ["allCommunication"] = AllCommunicationAfter,
        ["groupsBefore"] = GroupsBefore.ToDictionary(p => p.Key.ToString(), p => p.Value),
        ["groupsAfter"] = GroupsAfter.ToDictionary(p => p.Key.ToString(), p => p.Value),
        ["unsubscribedGroups"] = GroupsAfter.Where(p => !p.Value && GroupsBefore.GetValueOrDefault(p.Key)).Select(p => p.Key.ToString()).ToArray(),
        ["subscribedGroups"] = GroupsAfter.Where(p => p.Value && !GroupsBefore.GetValueOrDefault(p.Key)).Select(p => p.Key.ToString()).ToArray(),
        ["time"] = Time,
        ["locale"] = Locale,
    };
}
