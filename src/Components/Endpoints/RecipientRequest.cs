using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PreferenceUiKit.Components.Localization;

namespace PreferenceUiKit.Components.Endpoints;

/// <summary>What every recipient route reads from a request: language, form, security headers.</summary>
internal static class RecipientRequest
{
    /// <summary>Largest form or JSON body a recipient route reads; a page posts a few hundred bytes per group.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    // No inline script anywhere (B3: one optional script file); MudBlazor's theme is an inline <style>.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static CultureInfo Culture(HttpContext context)
        => RecipientText.CultureFromAcceptLanguage(context.Request.Headers.AcceptLanguage.ToString());

    // A test link saves nothing (S6, S10), so framing it cannot trick anyone into a change: the admin's preview
    // popup shows the System page through one, inside the same origin.
    private static readonly string TestLinkContentSecurityPolicy = ContentSecurityPolicy.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);

    public static void ApplySecurityHeaders(HttpResponse response, string? token = null)
    {
        var test = token is not null && Core.Links.PreferenceLinkSigner.ClaimsTestLink(token);
        response.Headers.ContentSecurityPolicy = test ? TestLinkContentSecurityPolicy : ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = test ? "SAMEORIGIN" : "DENY";
        // The pages show personal preferences behind a secret URL: never keep them in a shared cache.
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>Caps the body a recipient route reads (a chunked body has no Content-Length to check first).</summary>
    public static void LimitBody(HttpContext context)
    {
        var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxBodyBytes;
    }

    /// <summary>Reads a urlencoded or multipart form; null when the body is not a readable form.</summary>
    public static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType) return null;
        if (request.ContentLength > MaxBodyBytes) return null;
        LimitBody(context);
        try
        {
            return await request.ReadFormAsync(new Microsoft.AspNetCore.Http.Features.FormOptions
            {
                MultipartBodyLengthLimit = MaxBodyBytes,
                ValueCountLimit = 4096,
            }, context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Parses group ids from form values; anything that is not an id goes to <paramref name="invalid"/>.</summary>
    public static List<Guid> ParseIds(StringValues values, List<string> invalid)
    {
        var ids = new List<Guid>();
        foreach (var value in values)
        {
            if (Guid.TryParse(value, out var id)) ids.Add(id);
            else invalid.Add(value ?? "");
        }
        return ids;
    }

    /// <summary>Every field of a form, in order, for reposting after a failure.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(IFormCollection form)
        => form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))).ToList();
}
