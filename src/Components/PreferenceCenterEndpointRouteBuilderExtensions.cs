using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Components.Endpoints;

namespace PreferenceUiKit.Components;

/// <summary>Maps the recipient routes (contract in the architecture notes).</summary>
public static class PreferenceCenterEndpointRouteBuilderExtensions
{
    private static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] Post = [HttpMethods.Post];

    /// <summary>
    /// Maps the recipient pages under <paramref name="prefix"/> (static server rendering, no circuit, no antiforgery,
    /// no cookie: the signed token authorizes) and the JSON API at <c>/api/preferences/{token}</c>:
    /// <list type="bullet">
    /// <item><c>GET/POST {prefix}/preferences/{token}</c>, <c>GET {prefix}/preferences/{token}/saved</c></item>
    /// <item><c>GET/POST {prefix}/unsubscribe/{token}</c> (POST also takes the RFC 8058 one-click body), <c>GET {prefix}/unsubscribe/{token}/done</c></item>
    /// <item><c>POST {prefix}/resubscribe/{token}</c>, <c>GET {prefix}/resubscribe/{token}/done</c></item>
    /// <item><c>GET/PUT/OPTIONS /api/preferences/{token}</c></item>
    /// </list>
    /// Any other path under a non-empty prefix answers the localized 404 page.
    /// </summary>
    /// <returns>A builder for conventions on every mapped route (e.g. rate limiting).</returns>
    public static IEndpointConventionBuilder MapPreferenceCenter(this IEndpointRouteBuilder endpoints, string prefix = "/email")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        prefix = "/" + (prefix ?? "").Trim('/');
        if (prefix == "/") prefix = "";
        WarnOnPrefixMismatch(endpoints.ServiceProvider, prefix);

        var all = endpoints.MapGroup("");
        all.AddEndpointFilter(async (context, next) =>
        {
            RecipientRequest.ApplySecurityHeaders(context.HttpContext.Response, context.HttpContext.Request.RouteValues["token"] as string);
            return await next(context);
        });
        all.DisableAntiforgery();
        all.ExcludeFromDescription();

        var pages = new RecipientPageEndpoints(prefix);
        var group = all.MapGroup(prefix);
        group.MapMethods("/preferences/{token}", Read, pages.GetPreferences);
        group.MapMethods("/preferences/{token}", Post, pages.PostPreferences);
        group.MapMethods("/preferences/{token}/saved", Read, pages.GetSaved);
        group.MapMethods("/unsubscribe/{token}", Read, pages.GetUnsubscribe);
        group.MapMethods("/unsubscribe/{token}", Post, pages.PostUnsubscribe);
        group.MapMethods("/unsubscribe/{token}/done", Read, pages.GetUnsubscribeDone);
        group.MapMethods("/resubscribe/{token}", Post, pages.PostResubscribe);
        group.MapMethods("/resubscribe/{token}/done", Read, pages.GetResubscribed);
        // A localized 404 for anything else under the prefix; with no prefix the host's own 404 stays in charge.
        if (prefix.Length > 0)
            group.MapMethods("/{**rest}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Post], pages.NotFound);

        all.MapMethods("/api/preferences/{token}", Read, PreferencesApiEndpoints.GetAsync);
        all.MapMethods("/api/preferences/{token}", [HttpMethods.Put], PreferencesApiEndpoints.PutAsync);
        all.MapMethods("/api/preferences/{token}", [HttpMethods.Options], (Delegate)PreferencesApiEndpoints.PreflightAsync);
        return all;
    }

    private static void WarnOnPrefixMismatch(IServiceProvider services, string prefix)
    {
        var options = services.GetService<IOptions<PreferenceCenterOptions>>()?.Value;
        if (options is null) return;
        var configured = "/" + (options.RoutePrefix ?? "").Trim('/');
        if (configured == "/") configured = "";
        if (!string.Equals(configured, prefix, StringComparison.Ordinal))
            services.GetRequiredService<ILoggerFactory>().CreateLogger("PreferenceUiKit.Components.PreferenceCenter").LogWarning(
                "MapPreferenceCenter(\"{Prefix}\") differs from PreferenceCenter:RoutePrefix \"{Configured}\"; links in emails use the option.",
                prefix, configured);
    }
}
