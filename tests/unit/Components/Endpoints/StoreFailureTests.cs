using System.Net;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Endpoints;

/// <summary>S15 <em>Failed to save your preferences</em>: the store fails, the person's choices stay on the page.</summary>
public class StoreFailureTests
{
    [Fact]
    public async Task A_failed_save_says_so_and_keeps_what_the_person_chose()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(FaultyStore.FailingCommits(demo.Store), demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences);

        // Stored state: Newsletter and Offers on, Events (opt-in) off. The person chooses the opposite.
        var response = await server.Client.SendAsync(HttpMethod.Post, $"/email/preferences/{token}", "fr",
            Http.Form(("intent", "save"), ("all", "true"), ("shown", NewsletterId.ToString()), ("shown", OffersId.ToString()),
                ("shown", EventsId.ToString()), ("group", EventsId.ToString())));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var doc = await response.HtmlAsync();
        Assert.Contains("Échec de l'enregistrement de vos préférences", doc.ByTestId("error-message").TextContent);
        Assert.Equal("alert", doc.ByTestId("error-message").GetAttribute("role"));
        Assert.False(doc.ByTestId($"group-toggle-{NewsletterId}").HasAttribute("checked"));
        Assert.False(doc.ByTestId($"group-toggle-{OffersId}").HasAttribute("checked"));
        Assert.True(doc.ByTestId($"group-toggle-{EventsId}").HasAttribute("checked"));
        Assert.True(doc.ByTestId("all-communication").HasAttribute("checked"));
        Assert.Equal($"/email/preferences/{token}", doc.QuerySelector("form")!.GetAttribute("action"));
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Fact]
    public async Task A_failed_save_with_the_store_down_offers_a_retry_that_reposts_the_same_choices()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(FaultyStore.Down(demo.Store), demo.Keys);
        var token = demo.Token(LinkKind.ManagePreferences);

        var response = await server.Client.PostAsync($"/email/preferences/{token}",
            Http.Form(("intent", "save"), ("shown", NewsletterId.ToString()), ("group", NewsletterId.ToString())));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var doc = await response.HtmlAsync();
        Assert.Contains("Failed to save your preferences", doc.ByTestId("error-message").TextContent);
        var hidden = doc.QuerySelectorAll("form input[type=hidden]").Select(i => (i.GetAttribute("name"), i.GetAttribute("value"))).ToList();
        Assert.Equal([("intent", "save"), ("shown", NewsletterId.ToString()), ("group", NewsletterId.ToString())], hidden);
        Assert.NotNull(doc.ByTestId("retry"));
    }

    [Fact]
    public async Task A_failed_unsubscribe_confirm_says_so_and_offers_the_button_again()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(FaultyStore.FailingCommits(demo.Store), demo.Keys);
        var token = demo.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId);

        var response = await server.Client.PostAsync($"/email/unsubscribe/{token}", Http.Form(("intent", "unsubscribe")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var doc = await response.HtmlAsync();
        Assert.Contains("Failed to save your preferences", doc.ByTestId("error-message").TextContent);
        Assert.NotNull(doc.ByTestId("confirm-unsubscribe"));
    }

    [Fact]
    public async Task An_unreadable_store_on_open_says_we_could_not_retrieve_your_email_address_with_503()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(FaultyStore.Down(demo.Store), demo.Keys);

        var response = await server.Client.GetAsync($"/email/preferences/{demo.Token(LinkKind.ManagePreferences)}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("We could not retrieve your email address", (await response.HtmlAsync()).ByTestId("error-message").TextContent);
    }
}
