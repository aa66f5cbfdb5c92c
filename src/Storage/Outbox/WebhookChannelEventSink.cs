using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Storage.Outbox;

/// <summary>
/// POSTs each event as JSON (<see cref="EventJson.ToWebhookBody"/>) to a receiver. The body is signed with
/// HMAC-SHA256 under the shared secret (<see cref="SignatureHeader"/>: <c>sha256=&lt;hex&gt;</c> over the raw body), and
/// <see cref="EventIdHeader"/> carries the event id so the receiver can drop redeliveries. Any answer other than 2xx
/// fails the attempt, and the dispatcher retries it later.
/// </summary>
public sealed class WebhookChannelEventSink(IHttpClientFactory httpClientFactory, IOptions<WebhookOptions> options) : IChannelEventSink
{
    /// <summary>Name of the <see cref="HttpClient"/> the sink uses (configure it with <c>AddHttpClient(name)</c>).</summary>
    public const string HttpClientName = "PreferenceUiKit.Webhook";
    /// <summary>The signature header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
    public const string SignatureHeader = "X-PreferenceUiKit-Signature";
    /// <summary>The event id header, stable across redeliveries.</summary>
    public const string EventIdHeader = "X-PreferenceUiKit-Event-Id";
    /// <summary>The event name header.</summary>
    public const string EventNameHeader = "X-PreferenceUiKit-Event";

    /// <inheritdoc />
    public async Task DeliverAsync(ChannelUnsubscribedEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        var settings = options.Value;
        var url = settings.Url ?? throw new InvalidOperationException("Outbox:Webhook:Url is not set.");
        var body = EventJson.ToWebhookBody(evt);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(SignatureHeader, Sign(body, settings.Secret));
        request.Headers.Add(EventIdHeader, evt.Id.ToString());
        request.Headers.Add(EventNameHeader, ChannelUnsubscribedEvent.EventName);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The webhook receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
    }

    /// <summary>The signature header value for <paramref name="body"/>: <c>sha256=&lt;lower-case hex&gt;</c>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
