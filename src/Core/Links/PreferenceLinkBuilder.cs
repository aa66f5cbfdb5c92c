using System.Text;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Core.Links;

/// <summary>Where the hosted recipient pages live.</summary>
public sealed class PreferenceCenterUrls
{
    /// <summary>Creates the settings.</summary>
    /// <param name="publicBaseUrl">The origin recipients reach, such as <c>https://mail.example.com</c>.</param>
    /// <param name="routePrefix">The route prefix of the recipient pages (default <c>/email</c>).</param>
    public PreferenceCenterUrls(Uri publicBaseUrl, string routePrefix = "/email")
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        if (!publicBaseUrl.IsAbsoluteUri || (publicBaseUrl.Scheme != Uri.UriSchemeHttps && publicBaseUrl.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException("The public base URL must be an absolute http(s) URL.", nameof(publicBaseUrl));
        Base = publicBaseUrl.GetLeftPart(UriPartial.Authority) + publicBaseUrl.AbsolutePath.TrimEnd('/');
        Prefix = "/" + (routePrefix ?? "").Trim('/');
        if (Prefix == "/") Prefix = "";
        IsHttps = publicBaseUrl.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>Origin and path base, without a trailing slash.</summary>
    public string Base { get; }
    /// <summary>Route prefix with a leading slash, or empty.</summary>
    public string Prefix { get; }
    /// <summary>Whether links use https (RFC 8058 requires it for one-click; http is for local development).</summary>
    public bool IsHttps { get; }

    /// <summary>The hosted Manage Email Preferences page of a token.</summary>
    public string ManagePreferences(string token) => $"{Base}{Prefix}/preferences/{token}";
    /// <summary>The hosted Group Unsubscribe page (and one-click target) of a token.</summary>
    public string GroupUnsubscribe(string token) => $"{Base}{Prefix}/unsubscribe/{token}";
}

/// <summary>
/// Turns a recipient into the URLs their email carries, following the provider setting (S1): System links to
/// the hosted pages, Custom URL to the customer's page with the token, None to nothing (the tags are an error).
/// </summary>
public sealed class PreferenceLinkBuilder(PreferenceLinkSigner signer, PreferenceCenterUrls urls)
{
    /// <summary>The hosted routes.</summary>
    public PreferenceCenterUrls Urls => urls;

    /// <summary>The signer.</summary>
    public PreferenceLinkSigner Signer => signer;

    /// <summary>The URL of one link, or null under mode None.</summary>
    public string? BuildUrl(ProviderSettings settings, LinkKind kind, Guid contactId, Guid? campaignId, bool isTest = false)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var token = signer.Sign(kind, contactId, campaignId, isTest);
        return settings.Mode switch
        {
            PreferenceCenterMode.System => kind == LinkKind.ManagePreferences ? urls.ManagePreferences(token) : urls.GroupUnsubscribe(token),
            PreferenceCenterMode.CustomUrl => CustomUrl(settings.CustomUrl!, kind, token),
            _ => null,
        };
    }

    /// <summary>
    /// Both URLs of a recipient, ready for the merge-tag renderer. With <paramref name="htmlEncode"/> the characters
    /// that matter inside an HTML attribute (<c>&amp;</c>, quotes, angle brackets) are escaped.
    /// </summary>
    public RecipientLinks BuildRecipientLinks(ProviderSettings settings, Guid contactId, Guid? campaignId, bool isTest = false, bool htmlEncode = true)
    {
        var manage = BuildUrl(settings, LinkKind.ManagePreferences, contactId, campaignId, isTest);
        var unsubscribe = BuildUrl(settings, LinkKind.GroupUnsubscribe, contactId, campaignId, isTest);
        return htmlEncode ? new(HtmlEncode(manage), HtmlEncode(unsubscribe)) : new(manage, unsubscribe);
    }

    /// <summary>The RFC 8058 one-click target: always the hosted Group Unsubscribe route, whatever the mode (B1).</summary>
    public string BuildOneClickUrl(Guid contactId, Guid? campaignId, bool isTest = false)
        => urls.GroupUnsubscribe(signer.Sign(LinkKind.GroupUnsubscribe, contactId, campaignId, isTest));

    /// <summary>The customer's page with the link's kind and token appended as query parameters.</summary>
    public static string CustomUrl(Uri customUrl, LinkKind kind, string token)
    {
        ArgumentNullException.ThrowIfNull(customUrl);
        var baseText = customUrl.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped);
        var separator = string.IsNullOrEmpty(customUrl.Query) ? "?" : "&";
        var kindText = kind == LinkKind.ManagePreferences ? "preferences" : "unsubscribe";
        return $"{baseText}{separator}kind={kindText}&token={token}";
    }

    private static string? HtmlEncode(string? url)
    {
        if (url is null || url.AsSpan().IndexOfAny("&\"'<>") < 0) return url;
        var sb = new StringBuilder(url.Length + 16);
        foreach (var c in url)
            sb.Append(c switch { '&' => "&amp;", '"' => "&quot;", '\'' => "&#39;", '<' => "&lt;", '>' => "&gt;", _ => c.ToString() });
        return sb.ToString();
    }
}
