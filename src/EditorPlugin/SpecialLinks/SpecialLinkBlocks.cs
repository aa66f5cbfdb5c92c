using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.EditorPlugin.Localization;

namespace PreferenceUiKit.EditorPlugin.SpecialLinks;

/// <summary>The builder's blocks that carry special links, made from the catalog so the tags have one source.</summary>
internal static class SpecialLinkBlocks
{
    public const string FooterId = "unsubscribe-footer";
    public const string ManageLineId = "manage-preferences-line";

    private const string TextStyle = "padding:16px 24px;font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:18px;color:#666666;text-align:center;";
    private const string LinkStyle = "color:#666666;text-decoration:underline;";

    public static IReadOnlyList<EditorBlock> Build(SpecialLinkCatalog catalog, bool groupsConfigured, CultureInfo culture)
    {
        var blocks = new List<EditorBlock>();
        var unsubscribeLinks = catalog
            .Where(l => l.Category.Id == SpecialLinkCategory.Unsubscribe.Id && l.IsAvailable(groupsConfigured))
            .ToList();
        if (unsubscribeLinks.Count > 0)
        {
            var html = new StringBuilder()
                .Append("<div style=\"").Append(TextStyle).Append("\">")
                .Append(Encode(EditorTexts.FooterIntro.For(culture)));
            for (var i = 0; i < unsubscribeLinks.Count; i++)
                html.Append(i == 0 ? " " : " · ").Append(Anchor(unsubscribeLinks[i], culture));
            html.Append("</div>");
            blocks.Add(new EditorBlock(FooterId, EditorTexts.FooterBlock.For(culture), html.ToString()));
        }
        var manage = catalog.FirstOrDefault(l => l.Kind == LinkKind.ManagePreferences);
        if (manage is not null && manage.IsAvailable(groupsConfigured))
        {
            var html = $"<p style=\"{TextStyle}\">{Encode(EditorTexts.ManageLineIntro.For(culture))} {Anchor(manage, culture)}</p>";
            blocks.Add(new EditorBlock(ManageLineId, EditorTexts.ManageLineBlock.For(culture), html));
        }
        return blocks;
    }

    // Tags are written verbatim: the catalog forbids quotes and angle brackets in them.
    private static string Anchor(SpecialLink link, CultureInfo culture)
        => $"<a href=\"{link.Tag}\" style=\"{LinkStyle}\">{Encode(link.LinkText.For(culture))}</a>";

    // Escapes only what HTML needs, so accents and Devanagari stay readable in the exported template.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    internal static string Encode(string text) => Html.Encode(text);
}
