using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using PreferenceUiKit.Storage;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Host.Tests.Api;

/// <summary>
/// The whole flow through the admin API on a real server: groups, CSV import, campaigns with CT-tagged templates,
/// sending to the pickup folder, following each link of the .eml files as a recipient and a mailbox provider would.
/// </summary>
public abstract class CampaignFlowTests(PreferenceStorageProvider provider)
{
    private const string Template = """
        <html><body><h1>Spring</h1><p>News.</p>
        <a href="*|CT_MANAGE_PREFERENCES|*">Manage My Preferences</a>
        <a href="*|CT_GROUP_UNSUBSCRIBE|*">Unsubscribe</a>
        </body></html>
        """;

    private sealed record Ids(string Id);
    private sealed record Preferences(bool AllCommunication, List<GroupState> Groups);
    private sealed record GroupState(string Id, string Name, bool Subscribed);

    [SkippableFact]
    public async Task Send_and_follow_every_link_as_S3_to_S14_say()
    {
        await using var host = await HostFactory.StartAsync(provider);
        var api = host.Api();
        var browser = host.Anonymous();

        // Groups and contacts.
        var news = await CreateAsync(api, "/api/admin/groups", new { name = "Newsletter", description = "**Monthly**" });
        var offers = await CreateAsync(api, "/api/admin/groups", new { name = "Offers" });
        var events = await CreateAsync(api, "/api/admin/groups", new { name = "Events" });
        var csv = "email,locale\nana@example.com,es\nbob@example.com,en\nnot-an-email,fr\ncy@example.com,fr\ndee@example.com,hi\neve@example.com,\n";
        var import = await api.PostAsync("/api/admin/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var imported = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, imported.GetProperty("imported").GetInt32());
        Assert.Equal(4, imported.GetProperty("rejected")[0].GetProperty("line").GetInt32());
        var contacts = (await api.GetFromJsonAsync<JsonElement>("/api/admin/contacts?take=50")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("email").GetString()!, c => c.GetProperty("id").GetString()!);

        // Eve leaves all email before the campaign (through a link the admin API mints, confirmed like a person would).
        var eveLink = await MintAsync(api, contacts["eve@example.com"], null, "GroupUnsubscribe");
        Assert.Equal(HttpStatusCode.SeeOther, (await browser.PostAsync(HostFactory.PathOf(eveLink), Form(("intent", "unsubscribe")))).StatusCode);

        var spring = await CreateAsync(api, "/api/admin/campaigns", new { name = "Spring", groupIds = new[] { news, offers }, html = Template });
        var notice = await CreateAsync(api, "/api/admin/campaigns", new { name = "Notice", groupIds = Array.Empty<string>(), html = Template });

        // S14: Eve is skipped.
        var summary = await (await api.PostAsync($"/api/admin/campaigns/{spring}/send", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((4, 1, 0), (summary.GetProperty("sent").GetInt32(), summary.GetProperty("skipped").GetInt32(), summary.GetProperty("failed").GetInt32()));
        var messages = host.Messages();
        Assert.Equal(4, messages.Count);
        Assert.DoesNotContain(messages, m => m.To.Mailboxes.Single().Address == "eve@example.com");
        MimeMessage To(string email) => messages.Single(m => m.To.Mailboxes.Single().Address == email);

        // B1: headers on every message.
        foreach (var m in messages)
        {
            Assert.Matches("^<https://mail\\.example\\.com/email/unsubscribe/[A-Za-z0-9_-]+>$", m.Headers[HeaderId.ListUnsubscribe]!.Replace("\r\n", "").Trim());
            Assert.Equal("List-Unsubscribe=One-Click", m.Headers[HeaderId.ListUnsubscribePost]);
        }

        // B2: GET and HEAD of every link change nothing.
        foreach (var m in messages)
            foreach (var text in new[] { "Manage My Preferences", "Unsubscribe" })
            {
                var path = HostFactory.PathOf(HostFactory.Href(m, text));
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
            }
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>($"/api/admin/events?contactId={contacts["ana@example.com"]}") ?? []);

        // S3: Ana confirms the Group Unsubscribe: Newsletter and Offers off, Events kept.
        var anaUnsub = HostFactory.PathOf(HostFactory.Href(To("ana@example.com"), "Unsubscribe"));
        var confirm = await browser.PostAsync(anaUnsub, Form(("intent", "unsubscribe")));
        Assert.Equal(HttpStatusCode.SeeOther, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(confirm.Headers.Location)).StatusCode);
        await AssertPreferencesAsync(api, contacts["ana@example.com"], true, (news, false), (offers, false), (events, true));

        // B1: one-click from the header, urlencoded (Bob) and multipart (Cy): 200, no redirect, same scope as S3.
        var bobOneClick = HostFactory.PathOf(To("bob@example.com").Headers[HeaderId.ListUnsubscribe]!.Trim().Trim('<', '>'));
        var oneClick = await browser.PostAsync(bobOneClick, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Null(oneClick.Headers.Location);
        await AssertPreferencesAsync(api, contacts["bob@example.com"], true, (news, false), (offers, false), (events, true));
        var cyOneClick = HostFactory.PathOf(To("cy@example.com").Headers[HeaderId.ListUnsubscribe]!.Trim().Trim('<', '>'));
        using var multipart = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(cyOneClick, multipart)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync(cyOneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        await AssertPreferencesAsync(api, contacts["cy@example.com"], true, (news, false), (offers, false), (events, true));
        Assert.Single(await api.GetFromJsonAsync<JsonElement[]>($"/api/admin/events?contactId={contacts["cy@example.com"]}") ?? []); // idempotent

        // S7: Dee saves the preference form: keeps only Events.
        var deeManage = HostFactory.PathOf(HostFactory.Href(To("dee@example.com"), "Manage My Preferences"));
        var save = await browser.PostAsync(deeManage, Form(("intent", "save"), ("all", "true"), ("shown", news), ("shown", offers), ("shown", events), ("group", events)));
        Assert.Equal(HttpStatusCode.SeeOther, save.StatusCode);
        Assert.EndsWith("/saved", save.Headers.Location!.ToString());
        await AssertPreferencesAsync(api, contacts["dee@example.com"], true, (news, false), (offers, false), (events, true));
        // S7: All communication = No sets every group off even when groups are posted on.
        await browser.PostAsync(deeManage, Form(("intent", "save"), ("shown", news), ("shown", offers), ("shown", events), ("group", events), ("group", news)));
        await AssertPreferencesAsync(api, contacts["dee@example.com"], false, (news, false), (offers, false), (events, false));

        // S4: a campaign without groups: the Group Unsubscribe link leaves all email.
        foreach (var f in Directory.GetFiles(host.MailFolder)) File.Delete(f);
        await api.PostAsync($"/api/admin/campaigns/{notice}/send", null);
        var anaNotice = host.Messages().Single(m => m.To.Mailboxes.Single().Address == "ana@example.com");
        await browser.PostAsync(HostFactory.PathOf(HostFactory.Href(anaNotice, "Unsubscribe")), Form(("intent", "unsubscribe")));
        await AssertPreferencesAsync(api, contacts["ana@example.com"], false, (news, false), (offers, false), (events, false));

        // S6/S10: a test send is marked and its links save nothing.
        foreach (var f in Directory.GetFiles(host.MailFolder)) File.Delete(f);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/admin/campaigns/{spring}/send-test", new { email = "bob@example.com" })).StatusCode);
        var test = Assert.Single(host.Messages());
        Assert.StartsWith("[Test]", test.Subject);
        var eventsBefore = (await api.GetFromJsonAsync<JsonElement[]>("/api/admin/events"))!.Length;
        var testPage = await browser.GetStringAsync(HostFactory.PathOf(HostFactory.Href(test, "Manage My Preferences")));
        Assert.Contains("data-testid=\"test-banner\"", testPage);
        await browser.PostAsync(HostFactory.PathOf(HostFactory.Href(test, "Manage My Preferences")), Form(("intent", "save"), ("shown", events)));
        await browser.PostAsync(HostFactory.PathOf(HostFactory.Href(test, "Unsubscribe")), Form(("intent", "unsubscribe")));
        Assert.Equal(eventsBefore, (await api.GetFromJsonAsync<JsonElement[]>("/api/admin/events"))!.Length);

        // S14: an override campaign reaches Eve, who left all email.
        foreach (var f in Directory.GetFiles(host.MailFolder)) File.Delete(f);
        var legal = await CreateAsync(api, "/api/admin/campaigns", new { name = "Legal", groupIds = Array.Empty<string>(), html = Template, sendToOptedOut = true });
        await api.PostAsync($"/api/admin/campaigns/{legal}/send", null);
        Assert.Contains(host.Messages(), m => m.To.Mailboxes.Single().Address == "eve@example.com");

        // S11/B5: events and ledger rows for Ana, with their properties.
        var anaEvents = await api.GetFromJsonAsync<JsonElement[]>($"/api/admin/events?contactId={contacts["ana@example.com"]}");
        Assert.Equal(2, anaEvents!.Length);
        Assert.All(anaEvents, e => Assert.Equal("Channel Unsubscribed", e.GetProperty("name").GetString()));
        Assert.Equal(spring, anaEvents[0].GetProperty("properties").GetProperty("campaignId").GetString());
        Assert.Equal("GroupUnsubscribe", anaEvents[0].GetProperty("properties").GetProperty("linkKind").GetString());
        var ledger = await api.GetFromJsonAsync<JsonElement[]>($"/api/admin/ledger?contactId={contacts["ana@example.com"]}");
        Assert.Equal(4, ledger!.Length); // two groups, then All communication and Events
        Assert.All(ledger, r => Assert.Equal("GroupUnsubscribeLink", r.GetProperty("source").GetString()));
    }

    [SkippableFact]
    public async Task Mode_None_refuses_CT_tags_and_a_manage_link_without_groups_is_refused_S9()
    {
        await using var host = await HostFactory.StartAsync(provider);
        var api = host.Api();

        var noGroups = await api.PostAsJsonAsync("/api/admin/campaigns", new { name = "x", html = Template });
        Assert.Equal(HttpStatusCode.BadRequest, noGroups.StatusCode);
        var problem = await noGroups.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("html", problem.GetProperty("field").GetString());
        Assert.Contains(problem.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "manage_link_without_groups");
        Assert.Equal("application/problem+json", noGroups.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/admin/settings", new { preferenceCenter = "None" })).StatusCode);
        var none = await api.PostAsJsonAsync("/api/admin/campaigns", new { name = "y", html = "<a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("tag_under_mode_none", await none.Content.ReadAsStringAsync());
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/admin/campaigns") ?? []);
    }

    [SkippableFact]
    public async Task Bad_input_answers_problem_details_naming_the_field()
    {
        await using var host = await HostFactory.StartAsync(provider);
        var api = host.Api();

        async Task<string?> FieldOf(HttpResponseMessage r)
        {
            Assert.InRange((int)r.StatusCode, 400, 499);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString();
        }

        Assert.Equal("customUrl", await FieldOf(await api.PutAsJsonAsync("/api/admin/settings", new { preferenceCenter = "CustomUrl", customUrl = "javascript:alert(1)" })));
        Assert.Equal("preferenceCenter", await FieldOf(await api.PutAsJsonAsync("/api/admin/settings", new { preferenceCenter = "Hosted" })));
        Assert.Equal("email", await FieldOf(await api.PostAsJsonAsync("/api/admin/contacts", new { email = "nope" })));
        Assert.Equal("name", await FieldOf(await api.PostAsJsonAsync("/api/admin/groups", new { name = " " })));
        await api.PostAsJsonAsync("/api/admin/groups", new { name = "News" });
        var duplicate = await api.PostAsJsonAsync("/api/admin/groups", new { name = "news" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("groupIds", await FieldOf(await api.PostAsJsonAsync("/api/admin/campaigns", new { name = "c", groupIds = new[] { Guid.NewGuid() }, html = Template })));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.PostAsync("/api/admin/contacts/import", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal("kind", await FieldOf(await api.PostAsJsonAsync("/api/admin/links", new { contactId = Guid.NewGuid(), kind = "Everything" })));
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsync("/api/admin/groups", new StringContent("{not json", Encoding.UTF8, "application/json"))).StatusCode);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<string> CreateAsync(HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> MintAsync(HttpClient api, string contactId, string? campaignId, string kind)
    {
        var response = await api.PostAsJsonAsync("/api/admin/links", new { contactId, campaignId, kind, test = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
    }

    private static async Task AssertPreferencesAsync(HttpClient api, string contactId, bool all, params (string Group, bool Subscribed)[] groups)
    {
        var prefs = await api.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/{contactId}/preferences");
        Assert.Equal(all, prefs.GetProperty("allCommunication").GetBoolean());
        var actual = prefs.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!, g => g.GetProperty("subscribed").GetBoolean());
        foreach (var (group, subscribed) in groups)
            Assert.True(actual[group] == subscribed, $"group {group}: expected subscribed={subscribed}");
    }
}

public sealed class SqliteCampaignFlowTests() : CampaignFlowTests(PreferenceStorageProvider.Sqlite);

public sealed class PostgresCampaignFlowTests() : CampaignFlowTests(PreferenceStorageProvider.Postgres);
