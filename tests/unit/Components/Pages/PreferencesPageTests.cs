using Bunit;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Pages;

public class PreferencesPageTests
{
    private const string Action = "/email/preferences/TOKEN";

    private static async Task<IRenderedComponent<PreferencesPage>> RenderAsync(BunitContext ctx, LinkPage? page = null,
        PreferenceSubmission? chosen = null, PreferencesAlert alert = PreferencesAlert.None)
    {
        page ??= await (await DemoStore.CreateAsync()).OpenAsync(LinkKind.ManagePreferences, campaignId: CampaignWithGroupsId);
        return ctx.Render<PreferencesPage>(p => p.Add(x => x.Page, page).Add(x => x.ActionUrl, Action).Add(x => x.Chosen, chosen).Add(x => x.Alert, alert));
    }

    [Theory]
    [MemberData(nameof(PageTestContext.Languages), MemberType = typeof(PageTestContext))]
    public async Task Markup_is_pinned_in_each_language(string language)
    {
        await using var ctx = PageTestContext.Create(language);
        var cut = await RenderAsync(ctx);
        cut.MarkupMatches(PageTestContext.Verified($"PreferencesPage.{language}", cut.Markup));
    }

    [Theory]
    [InlineData("en", "Manage Email Preferences", "All communication", "Save")]
    [InlineData("fr", "Gérer vos préférences d'e-mail", "Toutes les communications", "Enregistrer")]
    [InlineData("es", "Administrar preferencias de correo electrónico", "Todas las comunicaciones", "Guardar")]
    [InlineData("hi", "ईमेल प्राथमिकताएँ प्रबंधित करें", "सभी संचार", "सहेजें")]
    public async Task The_page_speaks_each_language_and_shows_group_names_as_created(string language, string heading, string all, string save)
    {
        await using var ctx = PageTestContext.Create(language);
        var cut = await RenderAsync(ctx);
        Assert.Equal(heading, cut.Find("h1").TextContent);
        Assert.Equal(all, cut.Find("label[for=all-communication]").TextContent);
        Assert.Equal(save, cut.Find("[data-testid=save]").TextContent);
        Assert.Equal("Événements", cut.Find($"label[for=group-{EventsId}]").TextContent);
    }

    [Fact]
    public async Task Every_group_is_a_named_native_switch_inside_a_fieldset_with_its_shown_marker()
    {
        await using var ctx = PageTestContext.Create();
        var cut = await RenderAsync(ctx);

        Assert.Equal("Subscription groups", cut.Find("fieldset > legend").TextContent);
        foreach (var id in new[] { NewsletterId, OffersId, EventsId })
        {
            var toggle = cut.Find($"[data-testid=group-toggle-{id}]");
            Assert.Equal(("input", "checkbox", "switch", "group", id.ToString()),
                (toggle.LocalName, toggle.GetAttribute("type"), toggle.GetAttribute("role"), toggle.GetAttribute("name"), toggle.GetAttribute("value")));
            Assert.NotEmpty(cut.Find($"label[for={toggle.Id}]").TextContent);
            Assert.NotNull(toggle.Closest("fieldset"));
            Assert.Single(cut.FindAll($"input[type=hidden][name=shown][value='{id}']"));
        }
        var all = cut.Find("[data-testid=all-communication]");
        Assert.Equal(("switch", "all", "true"), (all.GetAttribute("role"), all.GetAttribute("name"), all.GetAttribute("value")));
        Assert.Equal("submit", cut.Find("[data-testid=save]").GetAttribute("type"));
        Assert.Equal(Action, cut.Find("form").GetAttribute("action"));
    }

    [Fact]
    public async Task The_switches_show_the_effective_state_opt_in_groups_start_off()
    {
        await using var ctx = PageTestContext.Create();
        var cut = await RenderAsync(ctx);
        Assert.True(cut.Find($"[data-testid=group-toggle-{NewsletterId}]").HasAttribute("checked"));
        Assert.False(cut.Find($"[data-testid=group-toggle-{EventsId}]").HasAttribute("checked"));
        Assert.True(cut.Find("[data-testid=all-communication]").HasAttribute("checked"));
    }

    [Fact]
    public async Task Master_toggle_rule_all_communication_off_shows_every_group_off()
    {
        var demo = await DemoStore.CreateAsync();
        var link = new PreferenceLink(LinkKind.ManagePreferences, AdaId, null, false, DateTimeOffset.UtcNow);
        await demo.Rules.SavePreferencesAsync(link, new PreferenceSubmission(false, [NewsletterId, OffersId], [NewsletterId, OffersId]));
        await using var ctx = PageTestContext.Create();

        var cut = await RenderAsync(ctx, await demo.Rules.OpenAsync(link));

        Assert.False(cut.Find("[data-testid=all-communication]").HasAttribute("checked"));
        Assert.All(cut.FindAll("input[name=group]"), g => Assert.False(g.HasAttribute("checked")));
    }

    [Fact]
    public async Task After_a_failed_save_the_page_shows_what_the_person_chose_and_says_it_failed()
    {
        await using var ctx = PageTestContext.Create("hi");
        var chosen = new PreferenceSubmission(true, [NewsletterId, OffersId, EventsId], [EventsId]);

        var cut = await RenderAsync(ctx, chosen: chosen, alert: PreferencesAlert.SaveFailed);

        var error = cut.Find("[data-testid=error-message]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Contains("आपकी प्राथमिकताएँ सहेजी नहीं जा सकीं", error.TextContent);
        Assert.False(cut.Find($"[data-testid=group-toggle-{NewsletterId}]").HasAttribute("checked"));
        Assert.True(cut.Find($"[data-testid=group-toggle-{EventsId}]").HasAttribute("checked"));
    }

    [Fact]
    public async Task Unknown_groups_error_is_translated()
    {
        await using var ctx = PageTestContext.Create("fr");
        var cut = await RenderAsync(ctx, alert: PreferencesAlert.UnknownGroups);
        Assert.Contains("Certains groupes d'abonnement de cette page n'existent plus", cut.Find("[data-testid=error-message]").TextContent);
    }

    [Fact]
    public async Task A_test_link_shows_the_banner_and_a_real_link_does_not()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var test = await RenderAsync(ctx, await demo.OpenAsync(LinkKind.ManagePreferences, test: true));
        var real = await RenderAsync(ctx, await demo.OpenAsync(LinkKind.ManagePreferences));
        Assert.Equal("This is a test link; preferences are not saved.", test.Find("[data-testid=test-banner]").TextContent.Trim());
        Assert.Empty(real.FindAll("[data-testid=test-banner]"));
    }

    [Fact]
    public async Task A_test_link_to_someone_who_is_not_a_contact_still_shows_the_page()
    {
        var demo = await DemoStore.CreateAsync();
        await using var ctx = PageTestContext.Create();
        var cut = await RenderAsync(ctx, await demo.OpenAsync(LinkKind.ManagePreferences, Guid.NewGuid(), test: true));
        Assert.Equal("Email preferences for your address", cut.Find(".puk-for").TextContent);
        Assert.Equal(3, cut.FindAll("input[name=group]").Count);
    }

    [Fact]
    public async Task Without_groups_the_page_still_offers_all_communication()
    {
        var demo = await DemoStore.CreateAsync(withGroups: false);
        await using var ctx = PageTestContext.Create();
        var cut = await RenderAsync(ctx, await demo.OpenAsync(LinkKind.ManagePreferences));
        Assert.Empty(cut.FindAll("input[name=group]"));
        Assert.NotNull(cut.Find("[data-testid=all-communication]"));
        Assert.Contains("There are no subscription groups", cut.Find("fieldset").TextContent);
    }

    [Fact]
    public async Task A_description_with_script_or_javascript_links_renders_inert()
    {
        var demo = await DemoStore.CreateAsync();
        var group = (await demo.Store.GetGroupAsync(OffersId))! with
        {
            Description = "<script>alert('x')</script> [win](javascript:alert(1)) <img src=x onerror=alert(2)> [ok](https://example.com)",
        };
        await demo.Store.UpdateGroupAsync(group);
        await using var ctx = PageTestContext.Create();

        var cut = await RenderAsync(ctx, await demo.OpenAsync(LinkKind.ManagePreferences));

        var description = cut.Find($"#group-{OffersId}-description");
        Assert.Empty(description.QuerySelectorAll("script, img"));
        Assert.Contains("<script>alert('x')</script>", description.TextContent);
        Assert.DoesNotContain(description.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(description.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on")));
        var link = Assert.Single(description.QuerySelectorAll("a"));
        Assert.Equal(("https://example.com", "noopener noreferrer"), (link.GetAttribute("href"), link.GetAttribute("rel")));
        Assert.Equal($"group-{OffersId}-description", cut.Find($"[data-testid=group-toggle-{OffersId}]").GetAttribute("aria-describedby"));
    }
}
