using Bunit;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class CampaignsPageTests
{
    [Fact]
    public async Task Lists_campaigns_newest_first_with_their_groups_and_a_link_to_the_editor()
    {
        await using var admin = new AdminHarness();
        var newsletter = await admin.AddGroupAsync("Newsletter", 0);
        var offers = await admin.AddGroupAsync("Offers", 1);
        var spring = new Campaign { Id = Guid.NewGuid(), Name = "Spring", Subject = "Spring is here", GroupIds = [newsletter.Id, offers.Id] };
        var notice = new Campaign { Id = Guid.NewGuid(), Name = "Notice", Subject = "Our terms change", SendToOptedOut = true };
        await admin.Store.AddCampaignAsync(spring);
        await admin.Store.AddCampaignAsync(notice);

        var page = admin.RenderPage<CampaignsPage>();

        var links = page.FindAll("a[data-testid=campaign-link]");
        Assert.Equal(["Notice", "Spring"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal($"/admin/campaigns/{spring.Id}", links[1].GetAttribute("href"));
        var rows = page.FindAll("[data-testid=campaigns-table] tbody tr");
        Assert.Contains("None (all email)", rows[0].TextContent);
        Assert.Contains("Newsletter, Offers", rows[1].TextContent);
    }
}
