using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (port 0) with the recipient pages over a given store.</summary>
public sealed class RecipientServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecipientServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client with no cookie container and no automatic redirects: what a no-cookie browser or a mail scanner does.</summary>
    public HttpClient Client { get; }

    public static async Task<RecipientServer> StartAsync(IPreferenceStore store, ILinkKeyRing keys, string prefix = "/email")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(keys);
        builder.Services.AddPreferenceCenter(o => o.PublicBaseUrl = "http://127.0.0.1");
        var app = builder.Build();
        app.MapPreferenceCenter(prefix);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(address),
        };
        return new RecipientServer(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
