using Bunit;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Pages;

/// <summary>The success page, the unsubscribe result with Resubscribe, and the resubscribed page.</summary>
public class ResultPagesTests
{
    [Theory]
    [InlineData("en", "Email preferences saved", "Back to Manage Email Preferences")]
    [InlineData("fr", "Préférences d'e-mail enregistrées", "Retour à la gestion des préférences d'e-mail")]
    [InlineData("es", "Preferencias de correo electrónico guardadas", "Volver a Administrar preferencias de correo electrónico")]
    [InlineData("hi", "ईमेल प्राथमिकताएँ सहेजी गईं", "ईमेल प्राथमिकताएँ प्रबंधित करें पर वापस जाएँ")]
    public async Task The_success_page_says_saved_in_a_status_region_with_a_link_back(string language, string title, string back)
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<PreferencesSavedPage>(p => p.Add(x => x.Page, demo.OpenAsync(LinkKind.ManagePreferences).Result).Add(x => x.ManagePreferencesUrl, "/email/preferences/M"));
        Assert.Equal(title, cut.Find("h1").TextContent);
        var status = cut.Find("[data-testid=result-message]");
        Assert.Equal("status", status.GetAttribute("role"));
        Assert.StartsWith(title, status.TextContent.Trim());
        var link = cut.Find("[data-testid=manage-preferences-link]");
        Assert.Equal((back, "/email/preferences/M"), (link.TextContent, link.GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-testid=test-banner]"));
    }

    [Fact]
    public async Task The_success_page_of_a_test_link_says_nothing_was_saved()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<PreferencesSavedPage>(p => p.Add(x => x.Page, demo.OpenAsync(LinkKind.ManagePreferences, test: true).Result).Add(x => x.ManagePreferencesUrl, "/m"));
        Assert.NotNull(cut.Find("[data-testid=test-banner]"));
        Assert.Contains("not saved, because this is a test link", cut.Find("[data-testid=result-message]").TextContent);
    }

    private static async Task<LinkPage> UnsubscribedFromAllAsync(DemoStore demo, bool test = false)
    {
        var link = new PreferenceLink(LinkKind.GroupUnsubscribe, AdaId, CampaignWithoutGroupsId, false, DateTimeOffset.UtcNow);
        await demo.Rules.ConfirmGroupUnsubscribeAsync(link);
        return await demo.Rules.OpenAsync(link with { IsTest = test });
    }

    [Theory]
    [InlineData("en", "ada@example.com is unsubscribed from all email.", "Resubscribe")]
    [InlineData("fr", "ada@example.com est désabonné(e) de tous les e-mails.", "Se réabonner")]
    [InlineData("es", "ada@example.com ya no recibirá ningún correo electrónico.", "Volver a suscribirse")]
    [InlineData("hi", "ada@example.com की सभी ईमेल से सदस्यता हटा दी गई है।", "फिर से सदस्यता लें")]
    public async Task Unsubscribed_from_all_offers_resubscribe(string language, string sentence, string button)
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<UnsubscribeDonePage>(p => p.Add(x => x.Page, UnsubscribedFromAllAsync(demo).Result)
            .Add(x => x.ResubscribeUrl, "/email/resubscribe/T").Add(x => x.ManagePreferencesUrl, "/email/preferences/M"));
        Assert.Equal("status", cut.Find("[data-testid=result-message]").GetAttribute("role"));
        Assert.Equal(sentence, cut.Find("[data-testid=leave-all-email]").TextContent);
        var resubscribe = cut.Find("[data-testid=resubscribe]");
        Assert.Equal((button, "submit"), (resubscribe.TextContent, resubscribe.GetAttribute("type")));
        Assert.Equal("/email/resubscribe/T", resubscribe.Closest("form")!.GetAttribute("action"));
    }

    [Fact]
    public async Task Leaving_campaign_groups_names_them_and_offers_no_resubscribe()
    {
        var demo = await DemoStore.CreateAsync();
        var link = new PreferenceLink(LinkKind.GroupUnsubscribe, AdaId, CampaignWithGroupsId, false, DateTimeOffset.UtcNow);
        await demo.Rules.ConfirmGroupUnsubscribeAsync(link);
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<UnsubscribeDonePage>(p => p.Add(x => x.Page, demo.Rules.OpenAsync(link).Result).Add(x => x.ResubscribeUrl, "/r"));
        Assert.Equal(["Newsletter", "Offers"], cut.FindAll("[data-testid=groups-to-leave] li").Select(li => li.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=resubscribe]"));
        Assert.Empty(cut.FindAll("[data-testid=manage-preferences-link]"));
    }

    [Fact]
    public async Task A_test_unsubscribe_result_says_nothing_changed_and_offers_no_resubscribe()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<UnsubscribeDonePage>(p => p.Add(x => x.Page, demo.OpenAsync(LinkKind.GroupUnsubscribe, test: true).Result).Add(x => x.ResubscribeUrl, "/r"));
        Assert.NotNull(cut.Find("[data-testid=test-banner]"));
        Assert.Contains("Nothing was changed", cut.Find("[data-testid=result-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=resubscribe]"));
    }

    [Theory]
    [InlineData("en", "You are subscribed again")]
    [InlineData("fr", "Vous êtes de nouveau abonné(e)")]
    [InlineData("es", "Vuelve a estar suscrito")]
    [InlineData("hi", "आपकी सदस्यता फिर से शुरू हो गई है")]
    public async Task The_resubscribed_page_welcomes_back_in_each_language(string language, string title)
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<ResubscribedPage>(p => p.Add(x => x.Page, demo.OpenAsync(LinkKind.GroupUnsubscribe).Result).Add(x => x.ManagePreferencesUrl, "/m"));
        Assert.Equal(title, cut.Find("h1").TextContent);
        Assert.Equal("status", cut.Find("[data-testid=result-message]").GetAttribute("role"));
        Assert.Equal("/m", cut.Find("[data-testid=manage-preferences-link]").GetAttribute("href"));
    }
}
