using Microsoft.Extensions.Logging;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Storage.Outbox;

/// <summary>Writes each Channel Unsubscribed event to the log (category <c>PreferenceUiKit.Storage.Outbox.LogChannelEventSink</c>).</summary>
public sealed partial class LogChannelEventSink(ILogger<LogChannelEventSink> logger) : IChannelEventSink
{
    /// <inheritdoc />
    public Task DeliverAsync(ChannelUnsubscribedEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var left = evt.GroupsAfter.Count(p => !p.Value && evt.GroupsBefore.GetValueOrDefault(p.Key));
        var joined = evt.GroupsAfter.Count(p => p.Value && !evt.GroupsBefore.GetValueOrDefault(p.Key));
        Log(logger, evt.Id, evt.ContactId, evt.Source.ToString(), evt.CampaignId, evt.AllCommunicationBefore, evt.AllCommunicationAfter, left, joined);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Channel Unsubscribed {EventId}: contact {ContactId} via {Source} (campaign {CampaignId}); all communication {AllBefore} -> {AllAfter}; left {Left} group(s), joined {Joined}.")]
    private static partial void Log(ILogger logger, Guid eventId, Guid contactId, string source, Guid? campaignId, bool allBefore, bool allAfter, int left, int joined);
}
