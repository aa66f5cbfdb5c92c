using Bunit;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class AnalyticsPageTests
{
    [Fact]
    public async Task Counts_channel_unsubscribed_events_per_group_per_day_and_lists_the_ledger()
    {
        await using var admin = new AdminHarness(now: new DateTimeOffset(2026, 11, 10, 12, 0, 0, TimeSpan.Zero));
        var newsletter = await admin.AddGroupAsync("Newsletter", 0);
        var offers = await admin.AddGroupAsync("Offers", 1);
        var events = await admin.AddGroupAsync("Events", 2, optIn: true);
        var ada = await admin.AddContactAsync("ada@example.com");
        var jeanne = await admin.AddContactAsync("jeanne@example.com");
        var lucia = await admin.AddContactAsync("lucia@example.com");
        var spring = new Campaign { Id = Guid.NewGuid(), Name = "Spring", GroupIds = [newsletter.Id] };
        var notice = new Campaign { Id = Guid.NewGuid(), Name = "Notice" };
        await admin.Store.AddCampaignAsync(spring);
        await admin.Store.AddCampaignAsync(notice);
        PreferenceLink Link(Contact c, Campaign campaign) => new(LinkKind.GroupUnsubscribe, c.Id, campaign.Id, false, admin.Time.GetUtcNow());

        // 20 days before today (outside the window): Lucia leaves the newsletter.
        await admin.Rules.ConfirmGroupUnsubscribeAsync(Link(lucia, spring));
        // 3 days ago: Ada and Jeanne leave the newsletter; Ada confirms twice (the second changes nothing).
        admin.Time.Advance(TimeSpan.FromDays(17));
        await admin.Rules.ConfirmGroupUnsubscribeAsync(Link(ada, spring));
        await admin.Rules.ConfirmGroupUnsubscribeAsync(Link(ada, spring));
        await admin.Rules.ConfirmGroupUnsubscribeAsync(Link(jeanne, spring));
        // Today: Jeanne leaves all email (newsletter already off, offers on, events never joined).
        admin.Time.Advance(TimeSpan.FromDays(3));
        await admin.Rules.ConfirmGroupUnsubscribeAsync(Link(jeanne, notice));

        var page = admin.RenderPage<AnalyticsPage>();

        string Cell(string day, string series) => page.Find($"td[data-day='{day}'][data-series='{series}']").TextContent.Trim();
        Assert.Equal("2", Cell("2026-11-27", newsletter.Id.ToString()));
        Assert.Equal("0", Cell("2026-11-27", offers.Id.ToString()));
        Assert.Equal("0", Cell("2026-11-27", "all"));
        Assert.Equal("0", Cell("2026-11-30", newsletter.Id.ToString()));
        Assert.Equal("1", Cell("2026-11-30", offers.Id.ToString()));
        Assert.Equal("0", Cell("2026-11-30", events.Id.ToString()));
        Assert.Equal("1", Cell("2026-11-30", "all"));
        Assert.Equal("2", Cell("total", newsletter.Id.ToString()));
        Assert.Empty(page.FindAll("td[data-day='2026-11-10']"));
        Assert.Equal(14, page.FindAll($"td[data-series='all']").Count - 1);

        var rows = page.FindAll("[data-testid=ledger-row]");
        Assert.Equal(5, rows.Count); // Jeanne leaving all email changes two switches: All communication and Offers
        Assert.Equal("jeanne@example.com", rows[0].QuerySelector("[data-testid=ledger-contact]")!.TextContent.Trim());
        Assert.Contains(rows, r => r.QuerySelector("[data-testid=ledger-subject]")!.TextContent.Trim() == "All communication"
                                && r.QuerySelector("[data-testid=ledger-change]")!.TextContent.Trim() == "Subscribed → Unsubscribed"
                                && r.QuerySelector("[data-testid=ledger-campaign]")!.TextContent.Trim() == "Notice");
        Assert.Equal("lucia@example.com", rows[^1].QuerySelector("[data-testid=ledger-contact]")!.TextContent.Trim());
        Assert.All(rows, r => Assert.Equal("Group Unsubscribe link", r.QuerySelector("[data-testid=ledger-source]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Without_events_the_page_says_so()
    {
        await using var admin = new AdminHarness("fr");
        await admin.AddGroupAsync("Newsletter", 0);
        var page = admin.RenderPage<AnalyticsPage>();

        Assert.Equal("Aucun changement de consentement pour l'instant.", page.Find("[data-testid=ledger-empty]").TextContent.Trim());
        Assert.All(page.FindAll("td[data-day='total']"), td => Assert.Equal("0", td.TextContent.Trim()));
        Assert.NotNull(page.Find("[data-testid=analytics-chart] svg"));
    }
}
