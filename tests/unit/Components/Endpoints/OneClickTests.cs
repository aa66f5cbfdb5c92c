using System.Net;
using System.Text;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Endpoints;

/// <summary>RFC 8058 one-click (B1): 200, no redirect, no cookie, the same scope as the Group Unsubscribe confirm.</summary>
public class OneClickTests
{
    public static TheoryData<string> ContentTypes() => ["urlencoded", "multipart"];

    private static HttpContent Body(string kind)
    {
        if (kind == "urlencoded")
            return new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded");
        var multipart = new MultipartFormDataContent("----boundary42");
        multipart.Add(new StringContent("One-Click"), "List-Unsubscribe");
        return multipart;
    }

    [Theory]
    [MemberData(nameof(ContentTypes))]
    public async Task One_click_answers_200_without_redirect_and_leaves_what_the_confirm_would(string kind)
    {
        var oneClick = await DemoStore.CreateAsync();
        var confirm = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(oneClick.Store, oneClick.Keys);
        await using var confirmServer = await RecipientServer.StartAsync(confirm.Store, confirm.Keys);
        var token = oneClick.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId);

        var response = await server.Client.PostAsync($"/email/unsubscribe/{token}", Body(kind));
        await confirmServer.Client.PostAsync($"/email/unsubscribe/{confirm.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId)}", Http.Form(("intent", "unsubscribe")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Contains("unsubscribed", await response.Content.ReadAsStringAsync());
        var viaOneClick = await oneClick.Store.GetPreferencesAsync(AdaId);
        var viaConfirm = await confirm.Store.GetPreferencesAsync(AdaId);
        Assert.Equal(viaConfirm!.AllCommunication, viaOneClick!.AllCommunication);
        Assert.Equal(viaConfirm.Groups.OrderBy(g => g.Key), viaOneClick.Groups.OrderBy(g => g.Key));
        Assert.False(viaOneClick.Groups[NewsletterId]);
        Assert.All(await oneClick.Store.ListLedgerAsync(AdaId), row => Assert.Equal(ChangeSource.OneClick, row.Source));
    }

    [Fact]
    public async Task One_click_is_idempotent()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var token = demo.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithoutGroupsId);

        var first = await server.Client.PostAsync($"/email/unsubscribe/{token}", Body("urlencoded"));
        var ledger = (await demo.Store.ListLedgerAsync(AdaId)).Count;
        var second = await server.Client.PostAsync($"/email/unsubscribe/{token}", Body("urlencoded"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False((await demo.Store.GetPreferencesAsync(AdaId))!.AllCommunication);
        Assert.Equal(ledger, (await demo.Store.ListLedgerAsync(AdaId)).Count);
    }

    [Fact]
    public async Task One_click_on_a_manage_preferences_token_is_404()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var response = await server.Client.PostAsync($"/email/unsubscribe/{demo.Token(LinkKind.ManagePreferences)}", Body("urlencoded"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }
}
