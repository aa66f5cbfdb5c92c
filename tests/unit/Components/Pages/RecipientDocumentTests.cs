using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Components.Tests.Support;

namespace PreferenceUiKit.Components.Tests.Pages;

public class RecipientDocumentTests
{
    [Theory]
    [MemberData(nameof(PageTestContext.Languages), MemberType = typeof(PageTestContext))]
    public async Task The_document_declares_its_language_and_has_no_inline_script(string language)
    {
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<RecipientDocument>(p => p.Add(x => x.Lang, language).Add(x => x.Title, "T").Add(x => x.IncludeToggleScript, true)
            .Add(x => x.Body, (RenderFragment)(b => b.AddMarkupContent(0, "<p id=body>hello</p>"))));
        Assert.Matches($"<html[^>]* lang=\"{language}\"", cut.Markup);
        Assert.Equal("hello", cut.Find("#body").TextContent);
        Assert.Contains("width=device-width", cut.Markup);
        var script = Assert.Single(cut.FindAll("script"));
        Assert.Equal("/_content/PreferenceUiKit.Components/preference-center.js", script.GetAttribute("src"));
        Assert.Empty(script.TextContent);
    }

    [Fact]
    public async Task Pages_without_switches_load_no_script()
    {
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<RecipientDocument>(p => p.Add(x => x.Lang, "en").Add(x => x.Title, "T"));
        Assert.Empty(cut.FindAll("script"));
    }
}

public class TestLinkBannerTests
{
    [Theory]
    [InlineData("en", "This is a test link; preferences are not saved.")]
    [InlineData("fr", "Ceci est un lien de test ; les préférences ne sont pas enregistrées.")]
    [InlineData("es", "Este es un enlace de prueba; las preferencias no se guardan.")]
    [InlineData("hi", "यह एक परीक्षण लिंक है; प्राथमिकताएँ सहेजी नहीं जातीं।")]
    public async Task The_banner_says_test_links_save_nothing_in_each_language(string language, string text)
    {
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<TestLinkBanner>();
        var banner = cut.Find("[data-testid=test-banner]");
        Assert.Equal(text, banner.TextContent.Trim());
        Assert.Equal("note", banner.GetAttribute("role"));
    }
}
