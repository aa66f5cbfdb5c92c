using Microsoft.Extensions.Time.Testing;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Core.Tests.Rules;

/// <summary>A store seeded the way the scenarios need: some groups, a contact, campaigns with and without groups.</summary>
internal sealed class RulesFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    public InMemoryPreferenceStore Store { get; }
    public PreferenceRules Rules { get; }
    public Contact Contact { get; } = new() { Id = Guid.NewGuid(), Email = "ana@example.com", Locale = "es" };
    public List<SubscriptionGroup> Groups { get; } = [];
    public Campaign? CampaignWithGroups { get; private set; }
    public Campaign CampaignWithoutGroups { get; } = new() { Id = Guid.NewGuid(), Name = "Plain" };

    public RulesFixture(int groupCount = 3)
    {
        Store = new InMemoryPreferenceStore(Time);
        Rules = new PreferenceRules(Store, Time);
        for (var i = 0; i < groupCount; i++)
        {
            var g = new SubscriptionGroup { Id = Guid.NewGuid(), Name = $"Group {i}", Order = i };
            Groups.Add(g);
            Store.AddGroupAsync(g).GetAwaiter().GetResult();
        }
        Store.AddContactAsync(Contact).GetAwaiter().GetResult();
        Store.AddCampaignAsync(CampaignWithoutGroups).GetAwaiter().GetResult();
        if (groupCount >= 2)
        {
            CampaignWithGroups = new Campaign { Id = Guid.NewGuid(), Name = "News", GroupIds = [Groups[0].Id, Groups[1].Id] };
            Store.AddCampaignAsync(CampaignWithGroups).GetAwaiter().GetResult();
        }
    }

    public PreferenceLink Link(LinkKind kind, Campaign? campaign = null, bool test = false, Guid? contactId = null)
        => new(kind, contactId ?? Contact.Id, campaign?.Id, test, Time.GetUtcNow());

    public async Task<Dictionary<Guid, bool>> EffectiveAsync()
    {
        var page = await Rules.OpenAsync(Link(LinkKind.ManagePreferences));
        return page.Groups.ToDictionary(g => g.Group.Id, g => g.Subscribed);
    }

    public async Task<bool> AllCommunicationAsync() => (await Rules.OpenAsync(Link(LinkKind.ManagePreferences))).AllCommunication;

    public async Task<int> EventCountAsync() => (await Store.ListEventsAsync(null)).Count;

    public PreferenceSubmission Form(bool all, IEnumerable<SubscriptionGroup> shown, IEnumerable<SubscriptionGroup> on)
        => new(all, shown.Select(g => g.Id).ToList(), on.Select(g => g.Id).ToList());
}
