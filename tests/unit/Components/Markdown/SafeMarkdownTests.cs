using AngleSharp.Html.Parser;
using PreferenceUiKit.Components.Markdown;

namespace PreferenceUiKit.Components.Tests.Markdown;

public class SafeMarkdownTests
{
    private static AngleSharp.Dom.IElement Body(string markdown) => new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(markdown) + "</body>").Body!;

    [Fact]
    public void Raw_html_shows_as_text()
    {
        var body = Body("Hi <script>alert(1)</script> <b onmouseover=alert(2)>x</b>");
        Assert.Empty(body.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert(1)</script>", body.TextContent);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](java&#9;script:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](/relative/path)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_links_become_plain_text(string markdown)
    {
        var body = Body(markdown);
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Empty(body.QuerySelectorAll("[href]"));
    }

    [Theory]
    [InlineData("[site](https://example.com/a?b=1)", "https://example.com/a?b=1")]
    [InlineData("[write](mailto:help@example.com)", "mailto:help@example.com")]
    [InlineData("see https://example.com/x", "https://example.com/x")]
    public void Safe_links_keep_their_target_and_get_noopener_noreferrer(string markdown, string href)
    {
        var link = Assert.Single(Body(markdown).QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
    }

    [Fact]
    public void Images_render_as_their_text_so_no_remote_pixel_loads()
    {
        var body = Body("![our logo](https://tracker.example.com/p.gif)");
        Assert.Empty(body.QuerySelectorAll("img"));
        Assert.Contains("our logo", body.TextContent);
    }

    [Fact]
    public void Emphasis_and_lists_render()
    {
        var body = Body("**monthly** letter\n\n- one\n- two");
        Assert.Equal("monthly", body.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, body.QuerySelectorAll("li").Length);
    }

    [Fact]
    public void Empty_description_renders_nothing() => Assert.Equal("", SafeMarkdown.ToHtml("  "));
}
