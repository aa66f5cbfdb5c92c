using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PreferenceUiKit.Storage;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Host.Tests.Api;

public class AccessTests
{
    /// <summary>
    /// Every admin endpoint, enumerated from the endpoint data source (so a new one cannot slip through), refuses a
    /// caller without credentials and a caller with a wrong key: 401 for the API, a redirect to sign-in for pages.
    /// </summary>
    [Fact]
    public async Task Every_admin_route_and_API_endpoint_refuses_the_unauthenticated()
    {
        await using var host = await HostFactory.StartAsync(PreferenceStorageProvider.Sqlite);
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/').StartsWith("api/admin") || raw.TrimStart('/').StartsWith("admin")))
            .Where(e => e.RoutePattern.RawText!.TrimStart('/') is not ("admin/signin" or "admin/signout"))
            .ToList();
        Assert.True(endpoints.Count >= 18, $"only {endpoints.Count} admin endpoints found");

        var anonymous = host.Anonymous();
        var wrongKey = host.Anonymous();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            Assert.NotEmpty(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            var path = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => Guid.NewGuid().ToString(),
                _ => "x",
            }))));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
                foreach (var client in new[] { anonymous, wrongKey })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                    var response = await client.SendAsync(request);
                    var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/admin/signin"));
                    Assert.True(refused, $"{method} {path} answered {(int)response.StatusCode} without credentials");
                    checkedCount++;
                }
        }
        Assert.True(checkedCount >= 36);
    }

    [Fact]
    public async Task Sign_in_with_the_configured_password_opens_the_admin_and_a_wrong_one_is_refused()
    {
        await using var host = await HostFactory.StartAsync(PreferenceStorageProvider.Sqlite);
        var browser = host.Client(handleCookies: true);

        var form = await browser.GetStringAsync("/admin/signin");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        FormUrlEncodedContent Attempt(string password) => new([
            new("__RequestVerificationToken", token), new("email", "admin@example.com"), new("password", password), new("returnUrl", "/admin/groups")]);

        var wrong = await browser.PostAsync("/admin/signin", Attempt("guess"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("data-testid=\"signin-error\"", await wrong.Content.ReadAsStringAsync());

        var right = await browser.PostAsync("/admin/signin", Attempt("correct horse battery staple"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin/groups", right.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/preview/preferences")).StatusCode);

        var forged = await host.Anonymous().PostAsync("/admin/signin", new FormUrlEncodedContent([new("email", "admin@example.com"), new("password", "correct horse battery staple")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // no antiforgery token
    }
}

public class PreviewFramingTests
{
    [Fact]
    public async Task Test_links_may_be_framed_by_the_same_origin_for_the_preview_and_real_links_never()
    {
        await using var host = await HostFactory.StartAsync(PreferenceStorageProvider.Sqlite);
        var api = host.Api();
        var contact = await (await api.PostAsJsonAsync("/api/admin/contacts", new { email = "ana@example.com" })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = contact.GetProperty("id").GetString();

        async Task<HttpResponseMessage> Open(bool test)
        {
            var link = await (await api.PostAsJsonAsync("/api/admin/links", new { contactId = id, kind = "ManagePreferences", test })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            return await host.Anonymous().GetAsync(HostFactory.PathOf(link.GetProperty("url").GetString()!));
        }

        var real = await Open(test: false);
        Assert.Equal("DENY", real.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", real.Headers.GetValues("Content-Security-Policy").Single());
        var test = await Open(test: true);
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        Assert.Equal("SAMEORIGIN", test.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", test.Headers.GetValues("Content-Security-Policy").Single());
    }
}
