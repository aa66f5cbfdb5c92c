using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Host.Tests.Api;
using PreferenceUiKit.Storage;

namespace PreferenceUiKit.Reliability.Tests.Support;

/// <summary>The host in-process on a real Kestrel (HostFactory) with groups, contacts and a campaign.</summary>
public sealed class InProcess : IAsyncDisposable
{
    private InProcess(HostFactory host, Admin admin) { Host = host; Admin = admin; }

    public HostFactory Host { get; }
    public Admin Admin { get; }
    public List<Guid> Groups { get; } = [];
    public Guid Campaign { get; private set; }
    public List<(Guid Id, string Email)> Contacts { get; private set; } = [];

    /// <summary>Starts a host with three opt-out groups (the first two on the campaign) and <paramref name="contacts"/> contacts.</summary>
    public static async Task<InProcess> StartAsync(PreferenceStorageProvider provider, int contacts, string prefix = "c",
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var host = await HostFactory.StartAsync(provider, extra);
        var world = new InProcess(host, new Admin(host.Api()));
        world.Groups.Add(await world.Admin.GroupAsync("News"));
        world.Groups.Add(await world.Admin.GroupAsync("Offers"));
        world.Groups.Add(await world.Admin.GroupAsync("Events"));
        world.Campaign = await world.Admin.CampaignAsync("Spring", world.Groups.Take(2));
        world.Contacts = await world.Admin.ContactsAsync(contacts, prefix);
        return world;
    }

    /// <summary>The host's own key ring (the keys links are really signed with).</summary>
    public ILinkKeyRing KeyRing => Host.Services.GetRequiredService<ILinkKeyRing>();

    /// <summary>A signer with the host's keys.</summary>
    public PreferenceLinkSigner Signer => new(KeyRing);

    /// <summary>A plain client: no key, no cookies, no redirects.</summary>
    public HttpClient Anonymous() => Host.Anonymous();

    /// <summary>No change anywhere: an empty ledger, no event, and every contact still in every group.</summary>
    public async Task AssertNothingChangedAsync()
    {
        Assert.Empty(await Admin.LedgerAsync());
        Assert.Empty(await Admin.EventsAsync());
        foreach (var (id, _) in Contacts.Take(50))
        {
            var (all, groups) = await Admin.PreferencesAsync(id);
            Assert.True(all);
            Assert.All(groups.Values, Assert.True);
        }
    }

    /// <summary>Whether a status is a server error.</summary>
    public static bool IsServerError(HttpStatusCode status) => (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
