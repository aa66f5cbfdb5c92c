using System.Collections.Immutable;
using Bunit;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class CampaignEditorPageTests
{
    private const string GoodHtml = "<p>Hello</p>\n<a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">Unsubscribe</a>\n<a href=\"*|CT_MANAGE_PREFERENCES|*\">Preferences</a>";

    [Fact]
    public async Task Linter_findings_show_line_and_column_and_a_template_with_errors_is_not_saved()
    {
        await using var admin = new AdminHarness();
        await admin.AddGroupAsync("Newsletter", 0);
        var page = admin.RenderPage<CampaignEditorPage>();

        page.Find("input[data-testid=campaign-name]").Input("Spring launch");
        page.Find("textarea[data-testid=campaign-html]").Input("<p>Hello</p>\n<p>\n  <a href=\"*|CT_MANAGE_PREFERENCE|*\">Preferences</a></p>");
        page.Find("button[data-testid=campaign-check]").Click();

        var finding = Assert.Single(page.FindAll("[data-testid=lint-finding]"), f => f.GetAttribute("data-code") == "unknown_tag");
        Assert.Equal("3:12", finding.QuerySelector("[data-testid=lint-position]")!.TextContent.Trim());
        Assert.Equal("Error", finding.GetAttribute("data-severity"));
        Assert.Contains("Did you mean *|CT_MANAGE_PREFERENCES|*?", finding.QuerySelector("[data-testid=lint-message]")!.TextContent);

        page.Find("button[data-testid=campaign-save]").Click();

        Assert.Contains("Not saved", page.WaitForElement("[data-testid=campaign-save-error]").TextContent);
        Assert.Empty(await admin.Store.ListCampaignsAsync());
        Assert.NotNull(page.Find("button[data-testid=campaign-send]").GetAttribute("disabled"));
    }

    [Fact]
    public async Task Findings_are_in_the_admins_language()
    {
        await using var admin = new AdminHarness("hi");
        var page = admin.RenderPage<CampaignEditorPage>();

        page.Find("textarea[data-testid=campaign-html]").Input("<a href=\"*|CT_MANAGE_PREFERENCES|*\">x</a>");
        page.Find("button[data-testid=campaign-check]").Click();

        var finding = Assert.Single(page.FindAll("[data-testid=lint-finding]"), f => f.GetAttribute("data-code") == "manage_link_without_groups");
        Assert.Contains("कम से कम एक सदस्यता समूह चाहिए", finding.TextContent);
        Assert.Contains("त्रुटि", finding.TextContent);
    }

    [Fact]
    public async Task A_clean_template_is_saved_with_its_groups_and_override()
    {
        await using var admin = new AdminHarness();
        var newsletter = await admin.AddGroupAsync("Newsletter", 0);
        await admin.AddGroupAsync("Offers", 1);
        var page = admin.RenderPage<CampaignEditorPage>();

        page.Find("input[data-testid=campaign-name]").Input("Spring launch");
        AdminHarness.InputOf(page, $"campaign-group-{newsletter.Id}").Change(true);
        AdminHarness.InputOf(page, "campaign-send-to-opted-out").Change(true);
        page.Find("textarea[data-testid=campaign-html]").Input(GoodHtml);
        page.Find("button[data-testid=campaign-save]").Click();

        var campaign = Assert.Single(await admin.Store.ListCampaignsAsync());
        Assert.Equal("Spring launch", campaign.Name);
        Assert.Equal("Spring launch", campaign.Subject);
        Assert.Equal([newsletter.Id], campaign.GroupIds);
        Assert.True(campaign.SendToOptedOut);
        Assert.Equal(GoodHtml, campaign.Html);
        Assert.Equal("Campaign saved.", page.Find("[data-testid=campaign-status]").TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=lint-clean]"));
    }

    [Fact]
    public async Task An_empty_name_is_refused_next_to_the_name()
    {
        await using var admin = new AdminHarness();
        var page = admin.RenderPage<CampaignEditorPage>();

        page.Find("textarea[data-testid=campaign-html]").Input(GoodHtml.Replace("\n<a href=\"*|CT_MANAGE_PREFERENCES|*\">Preferences</a>", ""));
        page.Find("button[data-testid=campaign-save]").Click();

        Assert.Contains("A campaign needs a name", page.Find("input[data-testid=campaign-name]").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(await admin.Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task Send_skips_opted_out_contacts_and_reports_the_counts()
    {
        await using var admin = new AdminHarness();
        var newsletter = await admin.AddGroupAsync("Newsletter", 0);
        var ada = await admin.AddContactAsync("ada@example.com");
        await admin.AddContactAsync("jeanne@example.com");
        await admin.AddContactAsync("lucia@example.com");
        var campaign = new Campaign { Id = Guid.NewGuid(), Name = "Spring", Subject = "Spring is here", GroupIds = [newsletter.Id], Html = GoodHtml };
        await admin.Store.AddCampaignAsync(campaign);
        // Ada leaves the newsletter through a real Group Unsubscribe link.
        await admin.Rules.ConfirmGroupUnsubscribeAsync(new PreferenceLink(LinkKind.GroupUnsubscribe, ada.Id, campaign.Id, false, admin.Time.GetUtcNow()));
        var page = admin.RenderPage<CampaignEditorPage>(new Dictionary<string, object?> { ["Id"] = (Guid?)campaign.Id });

        page.Find("button[data-testid=campaign-send]").Click();
        page.Find("button[data-testid=campaign-send-confirm]").Click();

        page.WaitForAssertion(() => Assert.Equal("2", page.Find("[data-testid=send-sent]").TextContent));
        Assert.Equal("1", page.Find("[data-testid=send-skipped]").TextContent);
        Assert.Equal("0", page.Find("[data-testid=send-failed]").TextContent);
        Assert.Equal(2, admin.SentMessages().Length);
        Assert.DoesNotContain(admin.SentMessages(), f => File.ReadAllText(f).Contains("ada@example.com"));
    }

    [Fact]
    public async Task Send_test_delivers_one_marked_message_and_a_bad_address_is_refused_next_to_the_field()
    {
        await using var admin = new AdminHarness();
        await admin.AddGroupAsync("Newsletter", 0);
        var campaign = new Campaign { Id = Guid.NewGuid(), Name = "Spring", Subject = "Spring is here", Html = GoodHtml };
        await admin.Store.AddCampaignAsync(campaign);
        var page = admin.RenderPage<CampaignEditorPage>(new Dictionary<string, object?> { ["Id"] = (Guid?)campaign.Id });

        page.Find("input[data-testid=campaign-test-email]").Input("designer@@example");
        page.Find("button[data-testid=campaign-send-test]").Click();
        Assert.Contains("This is not a valid email address.", page.Find("input[data-testid=campaign-test-email]").Closest(".mud-input-control")!.TextContent);
        Assert.Empty(admin.SentMessages());

        page.Find("input[data-testid=campaign-test-email]").Input("designer@example.com");
        page.Find("button[data-testid=campaign-send-test]").Click();

        page.WaitForAssertion(() => Assert.Contains("Test sent to designer@example.com", page.Find("[data-testid=campaign-test-status]").TextContent));
        var message = File.ReadAllText(Assert.Single(admin.SentMessages()));
        Assert.Contains("[Test] Spring is here", message);
    }

    [Fact]
    public async Task Editing_without_saving_disables_sending()
    {
        await using var admin = new AdminHarness();
        var campaign = new Campaign { Id = Guid.NewGuid(), Name = "Spring", Subject = "Spring", Html = GoodHtml.Replace("\n<a href=\"*|CT_MANAGE_PREFERENCES|*\">Preferences</a>", "") };
        await admin.Store.AddCampaignAsync(campaign);
        var page = admin.RenderPage<CampaignEditorPage>(new Dictionary<string, object?> { ["Id"] = (Guid?)campaign.Id });
        Assert.Null(page.Find("button[data-testid=campaign-send]").GetAttribute("disabled"));

        page.Find("input[data-testid=campaign-name]").Input("Spring (v2)");

        Assert.NotNull(page.Find("button[data-testid=campaign-send]").GetAttribute("disabled"));
        Assert.NotNull(page.Find("[data-testid=campaign-save-first]"));
    }
}
