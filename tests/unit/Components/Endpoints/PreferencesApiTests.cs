using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Endpoints;

/// <summary>The JSON API for Custom URL pages (S1): the same rules as the form; CORS only for the configured origin.</summary>
public class PreferencesApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Get_returns_every_group_with_its_effective_state()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);

        var json = await server.Client.GetFromJsonAsync<JsonElement>($"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}");

        Assert.True(json.GetProperty("allCommunication").GetBoolean());
        var groups = json.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["Newsletter", "Offers", "Événements"], groups.Select(g => g.GetProperty("name").GetString()));
        Assert.Equal([true, true, false], groups.Select(g => g.GetProperty("subscribed").GetBoolean()));
        Assert.Equal(NewsletterId, groups[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Put_saves_under_the_same_rules_as_the_form()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var url = $"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}";

        var response = await server.Client.PutAsync(url, Json($$"""{"allCommunication":true,"groups":[{"id":"{{OffersId}}","subscribed":false}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("saved", json.GetProperty("status").GetString());
        var stored = await demo.Store.GetPreferencesAsync(AdaId);
        Assert.False(stored!.Groups[OffersId]);
        Assert.False(stored.Groups.ContainsKey(NewsletterId)); // not listed, not changed (B9)
        Assert.Equal(ChangeSource.Api, (await demo.Store.ListLedgerAsync(AdaId)).Single().Source);

        var off = await server.Client.PutAsync(url, Json($$"""{"allCommunication":false,"groups":[{"id":"{{NewsletterId}}","subscribed":true}]}"""));
        var after = await off.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("allCommunication").GetBoolean());
        Assert.All(after.GetProperty("groups").EnumerateArray(), g => Assert.False(g.GetProperty("subscribed").GetBoolean()));
    }

    [Fact]
    public async Task Put_with_a_test_link_saves_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);

        var response = await server.Client.PutAsync($"/api/preferences/{demo.Token(LinkKind.ManagePreferences, test: true)}", Json("""{"allCommunication":false}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("testNotSaved", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("test").GetBoolean());
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Fact]
    public async Task Put_with_unknown_or_archived_group_ids_answers_400_naming_them_and_saves_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await demo.Store.UpdateGroupAsync((await demo.Store.GetGroupAsync(EventsId))! with { Archived = true });
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var unknown = Guid.NewGuid();

        var response = await server.Client.SendAsync(HttpMethod.Put, $"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}", "fr",
            Json($$"""{"allCommunication":true,"groups":[{"id":"{{NewsletterId}}","subscribed":false},{"id":"{{unknown}}","subscribed":true},{"id":"{{EventsId}}","subscribed":true}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var named = problem.GetProperty("errors").GetProperty("groups").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal([unknown.ToString(), EventsId.ToString()], named);
        Assert.Equal("unknown_groups", problem.GetProperty("code").GetString());
        Assert.Contains("n'existent plus", problem.GetProperty("title").GetString());
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Theory]
    [InlineData("""{"groups":[]}""", "allCommunication")]
    [InlineData("""{"allCommunication":"yes"}""", "allCommunication")]
    [InlineData("""{"allCommunication":true,"groups":[{"id":"nope","subscribed":true}]}""", "groups")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"allCommunication":tru""", "body")]
    public async Task Put_with_a_malformed_body_answers_400_naming_the_field(string body, string field)
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var response = await server.Client.PutAsync($"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Fact]
    public async Task Cors_answers_only_the_configured_custom_url_origin()
    {
        var demo = await DemoStore.CreateAsync();
        await demo.Store.SaveSettingsAsync(ProviderSettings.Create(PreferenceCenterMode.CustomUrl, "https://prefs.example.com/center?x=1"));
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var url = $"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}";

        async Task<HttpResponseMessage> Send(HttpMethod method, string origin)
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("Origin", origin);
            if (method == HttpMethod.Options) request.Headers.Add("Access-Control-Request-Method", "PUT");
            return await server.Client.SendAsync(request);
        }

        var allowedGet = await Send(HttpMethod.Get, "https://prefs.example.com");
        var allowedPreflight = await Send(HttpMethod.Options, "https://prefs.example.com");
        var otherGet = await Send(HttpMethod.Get, "https://evil.example.net");
        var otherPreflight = await Send(HttpMethod.Options, "https://evil.example.net");
        var otherScheme = await Send(HttpMethod.Get, "http://prefs.example.com");

        Assert.Equal("https://prefs.example.com", string.Join("", allowedGet.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("https://prefs.example.com", string.Join("", allowedPreflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("PUT", string.Join("", allowedPreflight.Headers.GetValues("Access-Control-Allow-Methods")));
        Assert.False(otherGet.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(otherPreflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(otherScheme.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_is_off_when_the_mode_is_not_custom_url()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}");
        request.Headers.Add("Origin", "https://prefs.example.com");
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_missing_contact_answers_410_problem_details()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var response = await server.Client.GetAsync($"/api/preferences/{demo.Token(LinkKind.ManagePreferences, Guid.NewGuid())}");
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("We could not retrieve your email address", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_store_failure_on_put_answers_503_and_never_a_500()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(FaultyStore.FailingCommits(demo.Store), demo.Keys);
        var response = await server.Client.PutAsync($"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}", Json("""{"allCommunication":false}"""));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Failed to save your preferences", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}

public class PreferencesApiLimitsTests
{
    [Fact]
    public async Task A_body_larger_than_the_limit_is_refused_with_a_4xx_and_saves_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var huge = "{\"allCommunication\":false,\"groups\":[" + string.Join(",", Enumerable.Repeat($"{{\"id\":\"{NewsletterId}\",\"subscribed\":true}}", 20000)) + "]}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new("application/json");

        var response = await server.Client.PutAsync($"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}", content);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }
}
