using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// Admin routes refuse every caller without the right credentials, in every disguise; a recipient's link shows
/// nothing of anyone else; every recipient answer carries the security headers.
/// </summary>
public sealed class AccessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_admin_route_refuses_missing_wrong_and_disguised_keys()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 2, "acc");
        var endpoints = world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("api/admin") || raw.TrimStart('/').StartsWith("admin")))
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') is not ("admin/signin" or "admin/signout"))
            .ToList();
        Assert.True(endpoints.Count >= 18, $"only {endpoints.Count} admin endpoints");
        var key = Host.Tests.Api.HostFactory.ApiKey;
        var disguises = new (string What, Action<HttpRequestMessage> Apply)[]
        {
            ("no key", _ => { }),
            ("wrong key", r => r.Headers.Add("X-Api-Key", "not-the-key")),
            ("empty key", r => r.Headers.TryAddWithoutValidation("X-Api-Key", "")),
            ("key in upper case", r => r.Headers.Add("X-Api-Key", key.ToUpperInvariant())),
            ("key prefix", r => r.Headers.Add("X-Api-Key", key[..^1])),
            ("key with a suffix", r => r.Headers.Add("X-Api-Key", key + "x")),
            ("key as bearer token", r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key)),
            ("key as basic auth", r => r.Headers.TryAddWithoutValidation("Authorization", "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("admin:" + key)))),
            ("key twice, one wrong", r => r.Headers.TryAddWithoutValidation("X-Api-Key", ["not-the-key", key])),
            ("forged cookie", r => r.Headers.TryAddWithoutValidation("Cookie", "puk-admin=CfDJ8forged")),
        };
        var client = world.Anonymous();
        var refusedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => world.Campaign.ToString(),
                _ => "x",
            }))));
            var query = path.StartsWith("/api/admin/", StringComparison.Ordinal) ? "?apiKey=" + key + "&api_key=" + key : "";
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                foreach (var (what, apply) in disguises)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    apply(request);
                    using var response = await client.SendAsync(request);
                    var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/admin/signin"));
                    Assert.True(refused, $"{method} {path} with {what}: {(int)response.StatusCode}");
                    refusedCount++;
                }
        }
        // Nothing was created by the refused calls.
        Assert.Equal(3, (await world.Admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/groups")).GetArrayLength());
        Assert.Single((await world.Admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/campaigns")).EnumerateArray());
        Variant.Report(output, $"access: {endpoints.Count} admin endpoints x {disguises.Length} credential variants = {refusedCount} calls, all refused");
    }

    [Fact]
    public async Task A_recipient_link_shows_nothing_of_other_contacts_and_every_answer_carries_the_security_headers()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 5, "who");
        var (mine, _) = world.Contacts[0];
        var others = world.Contacts.Skip(1).ToList();
        var manage = await world.Admin.LinkAsync(mine, world.Campaign, "ManagePreferences");
        var unsubscribe = await world.Admin.LinkAsync(mine, world.Campaign, "GroupUnsubscribe");
        var api = "/api" + manage[manage.IndexOf("/preferences/", StringComparison.Ordinal)..];
        var client = world.Anonymous();

        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("preferences", await client.GetAsync(manage)),
            ("preferences HEAD", await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, manage))),
            ("unsubscribe", await client.GetAsync(unsubscribe)),
            ("JSON", await client.GetAsync(api)),
            ("bad form 400", await client.PostAsync(manage, new FormUrlEncodedContent([new("intent", "save"), new("shown", Guid.NewGuid().ToString())]))),
            ("bad JSON 400", await client.PutAsync(api, new StringContent("{", System.Text.Encoding.UTF8, "application/json"))),
            ("bad token 404", await client.GetAsync("/email/preferences/AAAA")),
            ("unknown path 404", await client.GetAsync("/email/whatever")),
            ("unknown contact 410", await client.GetAsync("/email/preferences/" + world.Signer.Sign(Core.Domain.LinkKind.ManagePreferences, Guid.NewGuid(), world.Campaign))),
            ("save 303", await client.PostAsync(manage, Traffic.SaveForm(world.Groups, [true, false, true]))),
            ("saved", await client.GetAsync(manage + "/saved")),
            ("one-click 200", await client.PostAsync(unsubscribe, Traffic.OneClick())),
            ("done", await client.GetAsync(unsubscribe + "/done")),
        };
        foreach (var (what, response) in answers)
        {
            var body = await response.Content.ReadAsStringAsync();
            foreach (var (_, email) in others)
                Assert.False(body.Contains(email, StringComparison.OrdinalIgnoreCase) || body.Contains(email.Split('@')[0], StringComparison.OrdinalIgnoreCase), $"{what} shows {email}");
            foreach (var (id, _) in others) Assert.DoesNotContain(id.ToString(), body, StringComparison.OrdinalIgnoreCase);
            var h = response.Headers;
            Assert.True(h.Contains("X-Content-Type-Options") || response.Content.Headers.Contains("X-Content-Type-Options"), $"{what}: no X-Content-Type-Options");
            Assert.Equal("nosniff", h.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", h.GetValues("Referrer-Policy").Single());
            Assert.True(h.CacheControl?.NoStore == true, $"{what}: Cache-Control {h.CacheControl}");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                Assert.Contains("script-src 'self'", h.GetValues("Content-Security-Policy").Single());
                Assert.Equal("DENY", h.GetValues("X-Frame-Options").Single());
            }
            Assert.False(h.Contains("Set-Cookie"), $"{what} sets a cookie");
        }
        Variant.Report(output, $"access: {answers.Count} recipient answers (200, 303, 400, 404, 410) show no other contact's data, set no cookie and carry the security headers");
    }
}
