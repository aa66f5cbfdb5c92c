using System.Net;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using static PreferenceUiKit.Components.Tests.Support.DemoStore;

namespace PreferenceUiKit.Components.Tests.Endpoints;

/// <summary>B2, S15 and the response headers: what scanners, forgers and deleted contacts meet.</summary>
public class SafetyTests
{
    private static IEnumerable<string> ReadRoutes(DemoStore demo)
    {
        foreach (var test in new[] { false, true })
        foreach (var campaign in new Guid?[] { CampaignWithGroupsId, CampaignWithoutGroupsId, null })
        {
            var manage = demo.Token(LinkKind.ManagePreferences, campaignId: campaign, test: test);
            var unsubscribe = demo.Token(LinkKind.GroupUnsubscribe, campaignId: campaign, test: test);
            yield return $"/email/preferences/{manage}";
            yield return $"/email/preferences/{manage}/saved";
            yield return $"/email/unsubscribe/{unsubscribe}";
            yield return $"/email/unsubscribe/{unsubscribe}/done";
            yield return $"/email/resubscribe/{unsubscribe}/done";
            yield return $"/email/resubscribe/{manage}/done";
            yield return $"/api/preferences/{manage}";
            yield return $"/api/preferences/{unsubscribe}";
        }
    }

    [Fact]
    public async Task Get_and_head_on_every_route_change_nothing()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        // Start from "unsubscribed from all" so that a resubscribe by GET would show too.
        await demo.Rules.ConfirmGroupUnsubscribeAsync(new PreferenceLink(LinkKind.GroupUnsubscribe, AdaId, CampaignWithoutGroupsId, false, DateTimeOffset.UtcNow));
        var before = await demo.Store.GetPreferencesAsync(AdaId);
        var ledgerBefore = (await demo.Store.ListLedgerAsync(null)).Count;

        foreach (var route in ReadRoutes(demo))
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await server.Client.SendAsync(method, route);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {route} answered {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{method} {route} set a cookie");
        }

        Assert.Equal(before, await demo.Store.GetPreferencesAsync(AdaId));
        Assert.Equal(ledgerBefore, (await demo.Store.ListLedgerAsync(null)).Count);
        Assert.Single(await demo.Store.ListEventsAsync(null));
    }

    public static TheoryData<string, string> TamperedRoutes() => new()
    {
        { "GET", "/email/preferences/{manage*}" },
        { "POST", "/email/preferences/{manage*}" },
        { "GET", "/email/preferences/{manage*}/saved" },
        { "GET", "/email/unsubscribe/{unsubscribe*}" },
        { "POST", "/email/unsubscribe/{unsubscribe*}" },
        { "GET", "/email/unsubscribe/{unsubscribe*}/done" },
        { "POST", "/email/resubscribe/{unsubscribe*}" },
        { "GET", "/email/preferences/{unsubscribe}" },
        { "POST", "/email/preferences/{unsubscribe}" },
        { "GET", "/email/unsubscribe/{manage}" },
        { "POST", "/email/unsubscribe/{manage}" },
        { "GET", "/email/unsubscribe/{foreign}" },
        { "GET", "/email/preferences/not-a-token" },
        { "GET", "/email/preferences/%E2%9C%93%20%3Cscript%3E" },
        { "GET", "/email/preferences/{long}" },
        { "GET", "/email/nothing-here" },
        { "HEAD", "/email/unsubscribe/{unsubscribe*}" },
    };

    [Theory]
    [MemberData(nameof(TamperedRoutes))]
    public async Task A_tampered_or_foreign_token_answers_the_localized_404_and_changes_nothing(string method, string template)
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var manage = demo.Token(LinkKind.ManagePreferences, campaignId: CampaignWithGroupsId);
        var unsubscribe = demo.Token(LinkKind.GroupUnsubscribe, campaignId: CampaignWithGroupsId);
        var foreign = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate(7))).Sign(LinkKind.GroupUnsubscribe, AdaId);
        var url = template
            .Replace("{manage*}", Tamper(manage)).Replace("{unsubscribe*}", Tamper(unsubscribe))
            .Replace("{manage}", manage).Replace("{unsubscribe}", unsubscribe).Replace("{foreign}", foreign)
            .Replace("{long}", new string('A', 5000));
        var content = method == "POST" ? Http.Form(("intent", "save"), ("intent", "unsubscribe"), ("List-Unsubscribe", "One-Click")) : null;

        var response = await server.Client.SendAsync(new HttpMethod(method), url, "fr-CA,fr;q=0.9", content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (method != "HEAD")
        {
            var doc = await response.HtmlAsync();
            Assert.Equal("fr", doc.DocumentElement.GetAttribute("lang"));
            Assert.Contains("Ce lien ne fonctionne pas", doc.ByTestId("error-message").TextContent);
        }
        Assert.Null(await demo.Store.GetPreferencesAsync(AdaId));
    }

    [Fact]
    public async Task The_api_refuses_a_tampered_token_with_404_problem_details()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var response = await server.Client.GetAsync($"/api/preferences/{Tamper(demo.Token(LinkKind.ManagePreferences))}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/email/preferences/{manage}", "en", "We could not retrieve your email address")]
    [InlineData("/email/unsubscribe/{unsubscribe}", "hi-IN", "हम आपका ईमेल पता प्राप्त नहीं कर सके")]
    [InlineData("/email/unsubscribe/{unsubscribe}/done", "es", "No pudimos recuperar su dirección de correo electrónico")]
    public async Task A_link_to_a_contact_that_no_longer_exists_says_we_could_not_retrieve_your_email_address(string template, string language, string title)
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var gone = Guid.NewGuid();
        var url = template.Replace("{manage}", demo.Token(LinkKind.ManagePreferences, gone)).Replace("{unsubscribe}", demo.Token(LinkKind.GroupUnsubscribe, gone));

        var response = await server.Client.SendAsync(HttpMethod.Get, url, language);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var doc = await response.HtmlAsync();
        Assert.Contains(title, doc.ByTestId("error-message").TextContent);
        Assert.True(doc.QuerySelectorAll("ul.puk-guidance li").Length >= 3, "the page says what to do next");
        Assert.Null(doc.QuerySelector("form"));
    }

    [Fact]
    public async Task A_post_for_a_contact_that_no_longer_exists_saves_nothing_and_says_so()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var gone = Guid.NewGuid();
        var response = await server.Client.PostAsync($"/email/unsubscribe/{demo.Token(LinkKind.GroupUnsubscribe, gone)}", Http.Form(("intent", "unsubscribe")));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("We could not retrieve your email address", (await response.HtmlAsync()).ByTestId("error-message").TextContent);
        Assert.Empty(await demo.Store.ListLedgerAsync(null));
    }

    [Fact]
    public async Task Pages_carry_the_security_headers_and_no_inline_script()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        foreach (var url in new[] { $"/email/preferences/{demo.Token(LinkKind.ManagePreferences)}", "/email/preferences/bad", $"/api/preferences/{demo.Token(LinkKind.ManagePreferences)}" })
        {
            var response = await server.Client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline'; img", csp.Replace("style-src 'self' 'unsafe-inline'; img", ""));
            Assert.Equal("no-referrer", string.Join("", response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        }
        var doc = await (await server.Client.GetAsync($"/email/preferences/{demo.Token(LinkKind.ManagePreferences)}")).HtmlAsync();
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") && s.TextContent.Trim().Length == 0));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData("fr-CA", "fr", "Gérer vos préférences d'e-mail")]
    [InlineData("hi-IN", "hi", "ईमेल प्राथमिकताएँ प्रबंधित करें")]
    [InlineData("es-419", "es", "Administrar preferencias de correo electrónico")]
    [InlineData("de-DE,ja;q=0.8", "en", "Manage Email Preferences")]
    [InlineData("%%garbage;;q=x", "en", "Manage Email Preferences")]
    [InlineData(null, "en", "Manage Email Preferences")]
    public async Task The_page_speaks_the_browser_language(string? acceptLanguage, string lang, string heading)
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys);
        var response = await server.Client.SendAsync(HttpMethod.Get, $"/email/preferences/{demo.Token(LinkKind.ManagePreferences)}", acceptLanguage);
        var doc = await response.HtmlAsync();
        Assert.Equal(lang, doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(heading, doc.Title);
        Assert.Contains("Newsletter", doc.ByTestId($"group-toggle-{NewsletterId}").ParentElement!.TextContent);
    }

    /// <summary>Flips one bit in the middle of the token: still well-formed Base64url, signature no longer matches.</summary>
    internal static string Tamper(string token)
    {
        var chars = token.ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
