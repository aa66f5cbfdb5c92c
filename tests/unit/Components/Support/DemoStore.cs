using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components.Tests.Support;

/// <summary>A store seeded like a small real account: three groups, two contacts, a campaign with two groups and one without.</summary>
public sealed class DemoStore
{
    public static readonly Guid NewsletterId = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid OffersId = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly Guid EventsId = Guid.Parse("33333333-3333-4333-8333-333333333333");
    public static readonly Guid AdaId = Guid.Parse("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
    public static readonly Guid BobId = Guid.Parse("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
    public static readonly Guid CampaignWithGroupsId = Guid.Parse("c1c1c1c1-c1c1-4c1c-8c1c-c1c1c1c1c1c1");
    public static readonly Guid CampaignWithoutGroupsId = Guid.Parse("c2c2c2c2-c2c2-4c2c-8c2c-c2c2c2c2c2c2");

    public InMemoryPreferenceStore Store { get; } = new();
    public StaticLinkKeyRing Keys { get; } = new(LinkSigningKey.Generate(7));
    public PreferenceLinkSigner Signer { get; }
    public PreferenceRules Rules { get; }

    private DemoStore(bool withGroups)
    {
        Signer = new PreferenceLinkSigner(Keys);
        Rules = new PreferenceRules(Store);
        WithGroups = withGroups;
    }

    public bool WithGroups { get; }

    public static async Task<DemoStore> CreateAsync(bool withGroups = true)
    {
        var demo = new DemoStore(withGroups);
        if (withGroups)
        {
            await demo.Store.AddGroupAsync(new SubscriptionGroup { Id = NewsletterId, Name = "Newsletter", Order = 1, Description = "Our **monthly** letter. [Archive](https://example.com/archive)" });
            await demo.Store.AddGroupAsync(new SubscriptionGroup { Id = OffersId, Name = "Offers", Order = 2, Description = "Discounts, at most weekly." });
            await demo.Store.AddGroupAsync(new SubscriptionGroup { Id = EventsId, Name = "Événements", Order = 3, OptIn = true });
        }
        await demo.Store.AddContactAsync(new Contact { Id = AdaId, Email = "ada@example.com", Locale = "en" });
        await demo.Store.AddContactAsync(new Contact { Id = BobId, Email = "bob@example.com" });
        await demo.Store.AddCampaignAsync(new Campaign { Id = CampaignWithGroupsId, Name = "Spring", GroupIds = withGroups ? [NewsletterId, OffersId] : [] });
        await demo.Store.AddCampaignAsync(new Campaign { Id = CampaignWithoutGroupsId, Name = "Notice" });
        return demo;
    }

    public string Token(LinkKind kind, Guid? contactId = null, Guid? campaignId = null, bool test = false)
        => Signer.Sign(kind, contactId ?? AdaId, campaignId, test);

    public Task<LinkPage> OpenAsync(LinkKind kind, Guid? contactId = null, Guid? campaignId = null, bool test = false)
        => Rules.OpenAsync(new PreferenceLink(kind, contactId ?? AdaId, campaignId, test, DateTimeOffset.UtcNow));
}
