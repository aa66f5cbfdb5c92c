using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using MimeKit;
using PreferenceUiKit.Storage;
using PreferenceUiKit.Storage.Model;
using PreferenceUiKit.Storage.Tests;

namespace PreferenceUiKit.Host.Tests.Api;

/// <summary>
/// The reference host on a real Kestrel server (127.0.0.1, a free port) with a fresh SQLite or PostgreSQL database
/// and its own pickup folder. Not in Development, so no demo data.
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "integration-test-api-key";
    private readonly TestDatabase _database;
    private readonly IReadOnlyDictionary<string, string?> _extra;

    private HostFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? extra)
    {
        _database = database;
        _extra = extra ?? new Dictionary<string, string?>();
        MailFolder = Path.Combine(Path.GetTempPath(), "preferenceuikit-tests", "mail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(MailFolder);
        UseKestrel(0);
    }

    public string MailFolder { get; }
    public PreferenceStorageProvider Provider => _database.Provider;

    public static async Task<HostFactory> StartAsync(PreferenceStorageProvider provider, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var database = provider == PreferenceStorageProvider.Postgres ? await TestDatabase.PostgresAsync() : TestDatabase.Sqlite();
        var factory = new HostFactory(database, extra);
        factory.StartServer();
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = _database.Provider.ToString(),
            ["ConnectionStrings:Preferences"] = _database.ConnectionString,
            ["Mail:PickupDirectory"] = MailFolder,
            ["Mail:From"] = "News <news@mail.example.com>",
            ["Admin:ApiKey"] = ApiKey,
            ["Admin:Email"] = "admin@example.com",
            ["Admin:Password"] = "correct horse battery staple",
            // Links are minted for this origin; tests follow them on the real server's address.
            ["PreferenceCenter:PublicBaseUrl"] = "https://mail.example.com",
        };
        foreach (var (k, v) in _extra) settings[k] = v;
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
    }

    /// <summary>The real server's address.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>A client with the API key, no cookies and no redirects followed.</summary>
    public HttpClient Api()
    {
        var client = Client(handleCookies: false);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A browser-like client: no cookies, no redirects followed, no key.</summary>
    public HttpClient Anonymous() => Client(handleCookies: false);

    /// <summary>A plain HTTP client over the loopback network to the real server.</summary>
    public HttpClient Client(bool handleCookies) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = handleCookies }) { BaseAddress = Address };

    /// <summary>Every message in the pickup folder, parsed with MimeKit.</summary>
    public List<MimeMessage> Messages() => Directory.GetFiles(MailFolder, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList();

    /// <summary>A link minted for the public origin, rewritten to a path on this server.</summary>
    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    public static string Href(MimeMessage message, string text)
    {
        var html = message.HtmlBody ?? "";
        var m = Regex.Match(html, "<a href=\"([^\"]+)\">" + Regex.Escape(text) + "</a>");
        Assert.True(m.Success, $"no link '{text}' in the message to {message.To}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(MailFolder, recursive: true); } catch (IOException) { }
    }
}
