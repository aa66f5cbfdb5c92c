namespace PreferenceUiKit.Core.Events;

/// <summary>An event waiting in (or delivered from) the store's outbox.</summary>
public sealed record OutboxMessage
{
    /// <summary>The event.</summary>
    public required ChannelUnsubscribedEvent Event { get; init; }
    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; init; }
    /// <summary>Earliest time of the next attempt.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>When it was delivered, if it was.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The last delivery error, if any.</summary>
    public string? LastError { get; init; }
}

/// <summary>Receives Channel Unsubscribed events from the outbox dispatcher (log, webhook, a host's own).</summary>
public interface IChannelEventSink
{
    /// <summary>Delivers one event; throws to have it retried later.</summary>
    Task DeliverAsync(ChannelUnsubscribedEvent evt, CancellationToken cancellationToken);
}
