using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PreferenceUiKit.Components.Markdown;

/// <summary>
/// Renders a group description (Markdown as an admin typed it) into HTML that cannot run script: raw HTML is shown as
/// text, links keep only <c>http</c>, <c>https</c> and <c>mailto</c> targets and get <c>rel="noopener noreferrer"</c>;
/// any other link (<c>javascript:</c>, <c>data:</c>, relative) becomes its plain text.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    /// <summary>The description as safe HTML; empty for empty input.</summary>
    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url) || link.IsImage)
            {
                // Images are dropped to their text too: a remote image in a recipient page is a tracking pixel.
                Unwrap(link);
                continue;
            }
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(link.IsEmail ? "mailto:" + link.Url : link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.Url));
                continue;
            }
            link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Only absolute http, https and mailto targets with no spaces or control characters (browsers drop those inside schemes).</summary>
    internal static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        foreach (var c in url)
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(alt));
            return;
        }
        var children = link.ToList();
        foreach (var child in children)
        {
            child.Remove();
            link.InsertBefore(child);
        }
        link.Remove();
    }
}
