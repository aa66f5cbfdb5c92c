using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>A real HTTP receiver on 127.0.0.1 (Kestrel, a free port) that records every webhook call.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    /// <summary>One received request.</summary>
    public sealed record Call(string? EventId, string? Signature, string? ContentType, byte[] Body, int Status);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Every call, in arrival order.</summary>
    public ConcurrentQueue<Call> Calls { get; } = new();

    /// <summary>The address to post to.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Answer 500 to the first <paramref name="count"/> deliveries of event <paramref name="eventId"/>.</summary>
    public void FailFirst(Guid eventId, int count) => _failuresLeft[eventId.ToString()] = count;

    /// <summary>Completes when at least <paramref name="count"/> calls answered 2xx (or throws after a generous wait).</summary>
    public async Task WaitForSuccessesAsync(int count)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (Calls.Count(c => c.Status == 200) < count)
            await Task.Delay(20, patience.Token);
    }

    /// <summary>Starts a receiver.</summary>
    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/preferences", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var eventId = request.Headers["X-PreferenceUiKit-Event-Id"].ToString();
            var status = 200;
            if (receiver._failuresLeft.TryGetValue(eventId, out var left) && left > 0)
            {
                receiver._failuresLeft[eventId] = left - 1;
                status = 500;
            }
            receiver.Calls.Enqueue(new Call(eventId, request.Headers["X-PreferenceUiKit-Signature"].ToString(), request.ContentType, buffer.ToArray(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver.Url = new Uri(new Uri(address), "/hooks/preferences");
        return receiver;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
