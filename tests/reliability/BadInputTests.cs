using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// Bad input of every kind gets a clear 4xx (or a validation message) and leaves nothing half-saved; hostile
/// group names and Markdown render as text, never as markup a browser would run.
/// </summary>
public sealed class BadInputTests(ITestOutputHelper output)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Oversized_mistyped_and_foreign_input_is_refused_with_a_4xx_and_saves_nothing()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 4, "bad");
        var contact = world.Contacts[0].Id;
        var manage = await world.Admin.LinkAsync(contact, world.Campaign, "ManagePreferences");
        var unsubscribe = await world.Admin.LinkAsync(contact, world.Campaign, "GroupUnsubscribe");
        var api = "/api" + manage[manage.IndexOf("/preferences/", StringComparison.Ordinal)..];
        var client = world.Anonymous();
        var archived = await world.Admin.GroupAsync("Old news");
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.Http.PutAsJsonAsync($"/api/admin/groups/{archived}", new { archived = true })).StatusCode);
        var checks = new List<(string What, int Status)>();

        async Task Expect(string what, Func<Task<HttpResponseMessage>> send, params int[] allowed)
        {
            using var response = await send();
            var status = (int)response.StatusCode;
            checks.Add((what, status));
            Assert.True(allowed.Contains(status), $"{what}: {status} {await response.Content.ReadAsStringAsync()}");
        }

        // Oversized bodies and headers.
        var huge = new string('a', 3_000_000);
        await Expect("2 MB+ form", () => client.PostAsync(manage, new FormUrlEncodedContent([new("intent", "save"), new("all", huge)])), 400, 413);
        await Expect("2 MB+ one-click", () => client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click"), new("x", huge)])), 400, 413);
        await Expect("2 MB+ JSON", () => client.PutAsync(api, Json("{\"allCommunication\":false,\"groups\":[],\"x\":\"" + huge + "\"}")), 400, 413);
        await Expect("40 KB header", () =>
        {
            var r = new HttpRequestMessage(HttpMethod.Get, manage);
            r.Headers.TryAddWithoutValidation("X-Padding", new string('h', 40_000));
            return client.SendAsync(r);
        }, 431, 400);
        var manyFields = string.Join("&", Enumerable.Range(0, 5000).Select(i => $"shown={Guid.NewGuid()}"));
        await Expect("5000 form fields", () => client.PostAsync(manage, new StringContent("intent=save&" + manyFields, Encoding.ASCII, "application/x-www-form-urlencoded")), 400, 413);

        // Wrong content types.
        await Expect("JSON posted to the form route", () => client.PostAsync(manage, Json("{\"intent\":\"save\"}")), 400, 415);
        await Expect("text/plain one-click", () => client.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.UTF8, "text/plain")), 400, 415);
        await Expect("form PUT to the JSON API", () => client.PutAsync(api, new FormUrlEncodedContent([new("allCommunication", "false")])), 400, 415);
        await Expect("no body on the JSON API", () => client.PutAsync(api, Json("")), 400);
        await Expect("malformed JSON", () => client.PutAsync(api, Json("{\"allCommunication\":fals")), 400);
        await Expect("wrong JSON types", () => client.PutAsync(api, Json("{\"allCommunication\":\"no\",\"groups\":{}}")), 400);
        await Expect("JSON array", () => client.PutAsync(api, Json("[1,2,3]")), 400);
        await Expect("deep JSON", () => client.PutAsync(api, Json(new string('[', 5000) + new string(']', 5000))), 400);

        // Unknown, archived and malformed group ids; a form without intent.
        var g = world.Groups;
        FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        await Expect("unknown group id", () => client.PostAsync(manage, Form(("intent", "save"), ("all", "true"), ("shown", g[0].ToString()), ("shown", Guid.NewGuid().ToString()))), 400);
        await Expect("unknown group switched on", () => client.PostAsync(manage, Form(("intent", "save"), ("all", "true"), ("shown", g[0].ToString()), ("group", Guid.NewGuid().ToString()))), 400);
        await Expect("archived group id", () => client.PostAsync(manage, Form(("intent", "save"), ("all", "true"), ("shown", g[0].ToString()), ("shown", archived.ToString()))), 400);
        await Expect("malformed group id", () => client.PostAsync(manage, Form(("intent", "save"), ("all", "true"), ("shown", "not-a-guid"), ("shown", g[1].ToString()))), 400);
        await Expect("no intent", () => client.PostAsync(manage, Form(("all", "true"), ("shown", g[0].ToString()))), 400);
        await Expect("unknown JSON group", () => client.PutAsync(api, Json($"{{\"allCommunication\":false,\"groups\":[{{\"id\":\"{g[0]}\",\"subscribed\":false}},{{\"id\":\"{Guid.NewGuid()}\",\"subscribed\":false}}]}}")), 400);
        await Expect("archived JSON group", () => client.PutAsync(api, Json($"{{\"allCommunication\":true,\"groups\":[{{\"id\":\"{g[0]}\",\"subscribed\":false}},{{\"id\":\"{archived}\",\"subscribed\":false}}]}}")), 400);

        // The localized title of a refused JSON call follows Accept-Language.
        using (var request = new HttpRequestMessage(HttpMethod.Put, api) { Content = Json("{\"allCommunication\":fals") })
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", "fr-FR");
            var answer = await client.SendAsync(request);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            using var english = await client.PutAsync(api, Json("{\"allCommunication\":fals"));
            var englishProblem = await english.Content.ReadFromJsonAsync<JsonElement>();
            Assert.NotEqual(englishProblem.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        }

        // Malformed Accept-Language: the page still answers, in English.
        foreach (var language in new[] { ";;;,,,", "fr;q=abc", "*;q=2", "x-klingon", new string('a', 5000), "hi-IN;q=0.5,fr;q=0.9;q=0.1", "fr-CA-x-;q=0.5;;q" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, manage);
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
            using var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Accept-Language '{language[..Math.Min(20, language.Length)]}': {(int)response.StatusCode}");
            checks.Add(("Accept-Language " + language[..Math.Min(20, language.Length)], 200));
        }

        // Nothing above saved anything.
        Assert.Empty(await world.Admin.LedgerAsync());
        Assert.Empty(await world.Admin.EventsAsync());
        var (all, groups) = await world.Admin.PreferencesAsync(contact);
        Assert.True(all);
        Assert.All(groups.Values, Assert.True);
        Variant.Report(output, $"bad input (recipient routes): {checks.Count} cases, answers {string.Join(", ", checks.GroupBy(c => c.Status).Select(c => $"{c.Key}x{c.Count()}"))}, 5xx 0, changes 0");
    }

    [Fact]
    public async Task Invalid_admin_input_is_refused_with_a_problem_naming_the_field_and_leaves_the_store_unchanged()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 2, "adm");
        var api = world.Admin.Http;

        // Custom URLs that are not absolute https.
        foreach (var url in new[] { "javascript:alert(1)", "/relative/page", "http://prefs.example.com/p", "ftp://prefs.example.com/", "data:text/html,<b>x</b>", "https://", "not a url", "https://exa mple.com/" })
        {
            var response = await api.PutAsJsonAsync("/api/admin/settings", new { preferenceCenter = "CustomUrl", customUrl = url });
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"custom URL '{url}': {(int)response.StatusCode}");
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("customUrl", problem.GetProperty("field").GetString());
        }
        var settings = await api.GetFromJsonAsync<JsonElement>("/api/admin/settings");
        Assert.Equal("System", settings.GetProperty("preferenceCenter").GetString());

        // Malformed documents on every kind of admin write: 400, never 500.
        foreach (var (path, body) in new[]
                 {
                     ("/api/admin/groups", "{\"name\":"), ("/api/admin/groups", "[]"), ("/api/admin/groups", "{\"name\":42}"), ("/api/admin/groups", "{\"name\":\"\"}"),
                     ("/api/admin/contacts", "{\"email\":\"not-an-email\"}"), ("/api/admin/contacts", "{\"email\":\"a@example.com\",\"locale\":\"xx-invalid-locale-!!\"}"),
                     ("/api/admin/campaigns", "{\"name\":\"x\",\"groupIds\":[\"nope\"]}"), ("/api/admin/campaigns", $"{{\"name\":\"x\",\"groupIds\":[\"{Guid.NewGuid()}\"],\"html\":\"<a href=\\\"*|CT_GROUP_UNSUBSCRIBE|*\\\">u</a>\"}}"),
                     ("/api/admin/links", "{\"contactId\":\"nope\"}"), ("/api/admin/links", $"{{\"contactId\":\"{world.Contacts[0].Id}\",\"kind\":\"Everything\"}}"),
                     ("/api/admin/lint", "{\"html\":"),
                 })
        {
            var response = await api.PostAsync(path, Json(body));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} {body}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        // CSV: bad rows are listed with their line, good rows are imported, nothing half-imported.
        var csv = "email,locale\nok1@example.com,fr\nnot-an-email,en\nok2@example.com,xx-nope-!!\n,\nok3@example.com\n\"broken,quote@example.com,en\n";
        var import = await api.PostAsync("/api/admin/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var outcome = await import.Content.ReadFromJsonAsync<JsonElement>();
        var rejectedLines = outcome.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ToList();
        Assert.Contains(3, rejectedLines);
        Assert.All(outcome.GetProperty("rejected").EnumerateArray(), r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/admin/contacts?search=ok1&take=10");
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>("/api/admin/contacts?search=not-an-email&take=10")).GetProperty("total").GetInt32());
        var wrongType = await api.PostAsync("/api/admin/contacts/import", Json("{\"email\":\"x@example.com\"}"));
        Assert.True((int)wrongType.StatusCode is 400 or 415, $"JSON to the CSV import: {(int)wrongType.StatusCode}");
        var noHeader = await api.PostAsync("/api/admin/contacts/import", new StringContent("a@example.com,en\n", Encoding.UTF8, "text/csv"));
        Assert.True((int)noHeader.StatusCode is 200 or 400, $"CSV without header: {(int)noHeader.StatusCode}");
        Variant.Report(output, "bad input (admin API): 8 invalid Custom URLs, 11 malformed documents, CSV with 4 bad rows: every one 4xx or listed, nothing half-saved");
    }

    [Fact]
    public async Task Hostile_group_names_and_Markdown_render_as_text_on_every_recipient_page()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 1, "xss");
        const string name = "<script>alert('name')</script><img src=x onerror=alert(1)>\"'><svg onload=alert(2)>";
        const string markdown = "[click](javascript:alert(3)) <script>alert(4)</script> <a href=\"javascript:alert(5)\">a</a> " +
                                "![img](https://evil.example/x.png) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==) " +
                                "<iframe src=\"https://evil.example\"></iframe> <div onclick=\"alert(7)\">d</div> [ok](https://example.com/fine)\n\n" +
                                "<style>body{display:none}</style> `<b>code</b>` [rel](/relative) <object data=x></object>";
        var hostile = await world.Admin.GroupAsync(name, markdown);
        var campaign = await world.Admin.CampaignAsync("Hostile", [hostile, world.Groups[0]]);
        var contact = world.Contacts[0].Id;
        var manage = await world.Admin.LinkAsync(contact, campaign, "ManagePreferences");
        var unsubscribe = await world.Admin.LinkAsync(contact, campaign, "GroupUnsubscribe");
        var testLink = await world.Admin.LinkAsync(contact, campaign, "GroupUnsubscribe", test: true);
        var client = world.Anonymous();

        var pages = new List<(string What, string Html)>
        {
            ("preferences", await client.GetStringAsync(manage)),
            ("unsubscribe", await client.GetStringAsync(unsubscribe)),
            ("test unsubscribe", await client.GetStringAsync(testLink)),
        };
        var bad = await client.PostAsync(manage, new FormUrlEncodedContent([new("intent", "save"), new("shown", Guid.NewGuid().ToString())]));
        pages.Add(("400 page", await bad.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("intent", "unsubscribe")]))).StatusCode);
        pages.Add(("done", await client.GetStringAsync(unsubscribe + "/done")));
        Assert.Contains(pages, p => p.Html.Contains("alert(&#x27;name&#x27;)") || p.Html.Contains("alert('name')") || p.Html.Contains("&lt;script&gt;"));

        var parser = new HtmlParser();
        foreach (var (what, html) in pages)
        {
            var document = parser.ParseDocument(html);
            foreach (var element in document.All)
            {
                var tag = element.LocalName;
                Assert.False(tag is "style" && element.TextContent.Contains("display:none"), $"{what}: a <style> from a group text");
                Assert.False(tag is "iframe" or "object" or "embed", $"{what}: <{tag}> from a group text");
                if (tag == "script")
                {
                    var src = element.GetAttribute("src");
                    Assert.True(src is not null && !src.Contains(':') && string.IsNullOrWhiteSpace(element.TextContent), $"{what}: inline or foreign script {element.OuterHtml}");
                }
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Value.Contains("alert(") || attribute.Value.Contains("evil.example"), $"{what}: group text in an attribute: {element.OuterHtml}");
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{what}: event handler {element.OuterHtml}");
                    if (attribute.Name is "href" or "src" or "action" or "formaction" or "data")
                    {
                        var value = attribute.Value.Trim().ToLowerInvariant();
                        if (tag == "link" && value == "data:,") continue; // the empty favicon of the page itself
                        Assert.False(value.StartsWith("javascript:") || value.StartsWith("data:") || value.StartsWith("vbscript:"), $"{what}: {attribute.Name}={attribute.Value}");
                    }
                }
            }
            Assert.DoesNotContain(document.QuerySelectorAll("img"), i => i.GetAttribute("src")?.Contains("evil") == true);
        }
        Variant.Report(output, $"XSS: {pages.Count} recipient pages with a hostile group name and Markdown: no script, handler, javascript:/data: URL or embedded object");
    }
}
