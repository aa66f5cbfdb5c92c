using System.Net;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Endpoints;

/// <summary>The pages through a real Kestrel server, with no cookies and no JavaScript: plain form posts (B3).</summary>
public class FormPostTests
{
    private static (string, string)[] Shown => [("shown", NewsletterId.ToString()), ("shown", OffersId.ToString()), ("shown", EventsId.ToString())];

    [Fact]
    public async Task A_form_post_with_no_cookies_saves_and_answers_303_to_the_success_page()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences, campaignId: CampaignWithGroupsId);

        var page = await (await server.Client.GetAsync($"/email/preferences/{token}")).HtmlAsync();
        Assert.Equal("post", page.QuerySelector("form")!.GetAttribute("method"));

        var post = await server.Client.PostAsync($"/email/preferences/{token}",
            Http.Form([("intent", "save"), ("all", "true"), .. Shown, ("group", NewsletterId.ToString()), ("group", EventsId.ToString())]));

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal($"/email/preferences/{token}/saved", post.Headers.Location!.OriginalString);
        Assert.False(post.Headers.Contains("Set-Cookie"));
        var stored = await demo.Store.GetPreferencesAsync(AdaId);
        Assert.NotNull(stored);
        Assert.True(stored.AllCommunication);
        Assert.False(stored.Groups[OffersId]);
        Assert.True(stored.Groups[EventsId]);

        var saved = await server.Client.GetAsync(post.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var doc = await saved.HtmlAsync();
        Assert.Equal("status", doc.ByTestId("result-message").GetAttribute("role"));
        Assert.Contains("Email preferences saved", doc.ByTestId("result-message").TextContent);
        Assert.Equal($"/email/preferences/{token}", doc.ByTestId("manage-preferences-link").GetAttribute("href"));
        Assert.False(saved.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task All_communication_off_turns_every_shown_group_off_on_the_server_without_script()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences);

        // The groups stay checked because no script ran; the server applies the rule (S7).
        var post = await server.Client.PostAsync($"/email/preferences/{token}",
            Http.Form([("intent", "save"), .. Shown, ("group", NewsletterId.ToString()), ("group", OffersId.ToString())]));

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        var page = await (await server.Client.GetAsync($"/email/preferences/{token}")).HtmlAsync();
        Assert.False(page.ByTestId("all-communication").HasAttribute("checked"));
        foreach (var id in new[] { NewsletterId, OffersId, EventsId })
            Assert.False(page.ByTestId($"group-toggle-{id}").HasAttribute("checked"));
    }

    [Fact]
    public async Task Only_groups_the_form_showed_change()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences);

        await server.Client.PostAsync($"/email/preferences/{token}",
            Http.Form(("intent", "save"), ("all", "true"), ("shown", NewsletterId.ToString())));

        var stored = await demo.Store.GetPreferencesAsync(AdaId);
        Assert.False(stored!.Groups[NewsletterId]);
        Assert.False(stored.Groups.ContainsKey(OffersId));
    }

    [Fact]
    public async Task A_test_link_shows_the_banner_and_saves_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences, test: true);

        var page = await (await server.Client.GetAsync($"/email/preferences/{token}")).HtmlAsync();
        Assert.Contains("This is a test link; preferences are not saved", page.ByTestId("test-banner").TextContent);
        var post = await server.Client.PostAsync($"/email/preferences/{token}", Http.Form([("intent", "save"), .. Shown]));

        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
        var saved = await (await server.Client.GetAsync(post.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.NotNull(saved.ByTestId("test-banner"));
        Assert.Contains("not saved", saved.ByTestId("result-message").TextContent);
    }

    [Fact]
    public async Task Group_unsubscribe_confirm_leaves_the_campaign_groups_and_the_result_names_them()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId);

        var page = await (await server.Client.GetAsync($"/email/unsubscribe/{token}")).HtmlAsync();
        Assert.Equal(["Newsletter", "Offers"], page.ByTestId("groups-to-leave").QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.NotNull(page.ByTestId("confirm-unsubscribe"));
        var manage = page.ByTestId("manage-preferences-link").GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(manage)).StatusCode);

        var post = await server.Client.PostAsync($"/email/unsubscribe/{token}", Http.Form(("intent", "unsubscribe")));
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.Equal($"/email/unsubscribe/{token}/done", post.Headers.Location!.OriginalString);

        var stored = await demo.Store.GetPreferencesAsync(AdaId);
        Assert.True(stored!.AllCommunication);
        Assert.False(stored.Groups[NewsletterId]);
        Assert.False(stored.Groups[OffersId]);
        var done = await (await server.Client.GetAsync(post.Headers.Location.OriginalString)).HtmlAsync();
        Assert.Contains("is unsubscribed from these subscription groups", done.ByTestId("result-message").TextContent);
        Assert.Null(done.QuerySelector("[data-testid=resubscribe]"));
    }

    [Fact]
    public async Task Without_groups_the_link_leaves_all_email_and_resubscribe_restores_what_was_held()
    {
        var demo = await DemoStore.CreateAsync(withGroups: false);
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.GroupUnsubscribe);

        var page = await (await server.Client.GetAsync($"/email/unsubscribe/{token}")).HtmlAsync();
        Assert.Contains("will be unsubscribed from all email", page.ByTestId("leave-all-email").TextContent);
        Assert.Null(page.QuerySelector("[data-testid=manage-preferences-link]"));

        await server.Client.PostAsync($"/email/unsubscribe/{token}", Http.Form(("intent", "unsubscribe")));
        Assert.False((await demo.Store.GetPreferencesAsync(AdaId))!.AllCommunication);
        var done = await (await server.Client.GetAsync($"/email/unsubscribe/{token}/done")).HtmlAsync();
        var form = done.ByTestId("resubscribe").Closest("form")!;

        var post = await server.Client.PostAsync(form.GetAttribute("action"), Http.Form(("intent", "resubscribe")));
        Assert.Equal(HttpStatusCode.SeeOther, post.StatusCode);
        Assert.True((await demo.Store.GetPreferencesAsync(AdaId))!.AllCommunication);
        var result = await (await server.Client.GetAsync(post.Headers.Location!.OriginalString)).HtmlAsync();
        Assert.Contains("subscribed again", result.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_post_without_the_page_fields_is_refused_and_changes_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);

        var manage = await server.Client.PostAsync($"/email/preferences/{demo.Token(LinkKind.ManagePreferences)}", Http.Form());
        var unsubscribe = await server.Client.PostAsync($"/email/unsubscribe/{demo.Token(LinkKind.GroupUnsubscribe)}", new StringContent("hello"));

        Assert.Equal(HttpStatusCode.BadRequest, manage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unsubscribe.StatusCode);
        Assert.Contains("The form was incomplete", (await manage.HtmlAsync()).ByTestId("error-message").TextContent);
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Fact]
    public async Task A_form_naming_an_unknown_group_answers_400_with_the_localized_error_and_saves_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences);

        var post = await server.Client.SendAsync(HttpMethod.Post, $"/email/preferences/{token}", "es-419",
            Http.Form(("intent", "save"), ("all", "true"), ("shown", Guid.NewGuid().ToString()), ("shown", "not-an-id")));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var doc = await post.HtmlAsync();
        Assert.Contains("ya no existen", doc.ByTestId("error-message").TextContent);
        Assert.Empty(await demo.Store.ListLedgerAsync(AdaId));
    }
}
