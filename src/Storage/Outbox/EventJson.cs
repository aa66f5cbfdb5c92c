using System.Text.Json;
using System.Text.Json.Serialization;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Storage.Outbox;

/// <summary>The JSON forms of a Channel Unsubscribed event: the outbox payload and the webhook body.</summary>
public static class EventJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The event as stored in the outbox.</summary>
    public static string Serialize(ChannelUnsubscribedEvent evt) => JsonSerializer.Serialize(evt, Options);

    /// <summary>Reads an event stored by <see cref="Serialize"/>.</summary>
    public static ChannelUnsubscribedEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<ChannelUnsubscribedEvent>(json, Options)
        ?? throw new JsonException("The outbox payload is empty.");

    /// <summary>
    /// The webhook body: <c>{"id":…,"name":"Channel Unsubscribed","time":…,"properties":{…}}</c>, the same shape as the
    /// admin events API.
    /// </summary>
    public static byte[] ToWebhookBody(ChannelUnsubscribedEvent evt) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = evt.Id,
        name = ChannelUnsubscribedEvent.EventName,
        time = evt.Time,
        properties = evt.ToProperties(),
    }, Options);
}
