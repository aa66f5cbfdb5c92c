using Bunit;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Rules;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Pages;

public class GroupUnsubscribePageTests
{
    private static IRenderedComponent<GroupUnsubscribePage> Render(BunitContext ctx, LinkPage page, PreferencesAlert alert = PreferencesAlert.None)
        => ctx.Render<GroupUnsubscribePage>(p => p.Add(x => x.Page, page).Add(x => x.ActionUrl, "/email/unsubscribe/T")
            .Add(x => x.ManagePreferencesUrl, page.GroupsConfigured ? "/email/preferences/M" : null).Add(x => x.Alert, alert));

    [Theory]
    [InlineData("en", "ada@example.com will be unsubscribed from these subscription groups:", "Confirm unsubscribe")]
    [InlineData("fr", "ada@example.com sera désabonné(e) de ces groupes d'abonnement :", "Confirmer le désabonnement")]
    [InlineData("es", "ada@example.com dejará de estar suscrito a estos grupos de suscripción:", "Confirmar cancelación")]
    [InlineData("hi", "ada@example.com की इन सदस्यता समूहों से सदस्यता हटा दी जाएगी:", "सदस्यता छोड़ने की पुष्टि करें")]
    public async Task S3_names_the_campaign_groups_that_will_be_left_with_one_confirm_button(string language, string sentence, string button)
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create(language);
        var cut = Render(ctx, await demo.OpenAsync(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId));

        Assert.Contains(sentence, cut.Markup);
        Assert.Equal(["Newsletter", "Offers"], cut.FindAll("[data-testid=groups-to-leave] li").Select(li => li.TextContent));
        var confirm = Assert.Single(cut.FindAll("button"));
        Assert.Equal((button, "confirm-unsubscribe", "submit"), (confirm.TextContent, confirm.GetAttribute("data-testid"), confirm.GetAttribute("type")));
        Assert.Equal("/email/preferences/M", cut.Find("[data-testid=manage-preferences-link]").GetAttribute("href"));
        Assert.Equal("post", cut.Find("form").GetAttribute("method"));
    }

    [Fact]
    public async Task S4_a_campaign_without_groups_leaves_all_email_and_still_offers_manage_preferences()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var cut = Render(ctx, await demo.OpenAsync(LinkKind.GroupUnsubscribe, campaignId: CampaignWithoutGroupsId));
        Assert.Equal("ada@example.com will be unsubscribed from all email.", cut.Find("[data-testid=leave-all-email]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=groups-to-leave]"));
        Assert.NotNull(cut.Find("[data-testid=manage-preferences-link]"));
    }

    [Fact]
    public async Task S5_without_any_group_leaves_all_email_and_offers_no_manage_link()
    {
        var demo = await DemoStore.CreateAsync(withGroups: false);
        await using var ctx = PageTestContext.Create();
        var cut = Render(ctx, await demo.OpenAsync(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId));
        Assert.NotNull(cut.Find("[data-testid=leave-all-email]"));
        Assert.Empty(cut.FindAll("[data-testid=manage-preferences-link]"));
    }

    [Fact]
    public async Task S6_a_test_link_shows_the_banner_and_every_group()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var cut = Render(ctx, await demo.OpenAsync(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId, test: true));
        Assert.NotNull(cut.Find("[data-testid=test-banner]"));
        Assert.Equal(["Newsletter", "Offers", "Événements"], cut.FindAll("[data-testid=test-group-list] li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task A_failed_confirm_says_failed_to_save_your_preferences_and_keeps_the_button()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create("es");
        var cut = Render(ctx, await demo.OpenAsync(LinkKind.GroupUnsubscribe), PreferencesAlert.SaveFailed);
        Assert.Contains("No se pudieron guardar sus preferencias", cut.Find("[data-testid=error-message]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=confirm-unsubscribe]"));
    }
}
