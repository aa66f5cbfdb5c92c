using System.Text;

namespace PreferenceUiKit.Core.MergeTags;

/// <summary>
/// The unsubscribe headers of a message (rule B1): RFC 2369 <c>List-Unsubscribe</c> with the https one-click URL
/// (and a mailto where configured) and RFC 8058 <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>.
/// </summary>
public static class ListUnsubscribeHeaders
{
    /// <summary>Header name.</summary>
    public const string ListUnsubscribe = "List-Unsubscribe";
    /// <summary>Header name.</summary>
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    /// <summary>The only value RFC 8058 allows for <c>List-Unsubscribe-Post</c>, and the body of the one-click POST.</summary>
    public const string OneClickValue = "List-Unsubscribe=One-Click";

    /// <summary>Builds the <c>List-Unsubscribe</c> value: <c>&lt;https://…&gt;</c>, then <c>&lt;mailto:…&gt;</c> if given.</summary>
    /// <param name="oneClickUrl">The https URL that accepts the one-click POST (http only for loopback hosts in development).</param>
    /// <param name="unsubscribeMailbox">An address that unsubscribes on receipt, or null.</param>
    /// <param name="mailtoSubject">Subject of the mailto link (typically carries the token), or null.</param>
    /// <exception cref="ArgumentException">The URL is not absolute https, or contains characters RFC 2369 forbids unescaped.</exception>
    public static string BuildListUnsubscribe(string oneClickUrl, string? unsubscribeMailbox = null, string? mailtoSubject = null)
    {
        if (!Uri.TryCreate(oneClickUrl, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            throw new ArgumentException("RFC 8058 requires an absolute https URL.", nameof(oneClickUrl));
        if (oneClickUrl.AsSpan().IndexOfAny("<>, \t\r\n\"") >= 0)
            throw new ArgumentException("The URL contains characters that cannot appear inside List-Unsubscribe.", nameof(oneClickUrl));
        var sb = new StringBuilder(oneClickUrl.Length + 80).Append('<').Append(oneClickUrl).Append('>');
        if (!string.IsNullOrWhiteSpace(unsubscribeMailbox))
        {
            sb.Append(", <mailto:").Append(Uri.EscapeDataString(unsubscribeMailbox.Trim()).Replace("%40", "@"));
            if (!string.IsNullOrEmpty(mailtoSubject)) sb.Append("?subject=").Append(Uri.EscapeDataString(mailtoSubject));
            sb.Append('>');
        }
        return sb.ToString();
    }
}
