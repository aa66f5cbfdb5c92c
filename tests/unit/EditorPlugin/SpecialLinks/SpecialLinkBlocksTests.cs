using System.Globalization;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin.Tests.SpecialLinks;

public sealed class SpecialLinkBlocksTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void The_footer_carries_both_links_and_the_manage_line_carries_the_preference_center()
    {
        var blocks = SpecialLinkBlocks.Build(SpecialLinkCatalog.CreateDefault(), groupsConfigured: true, English);

        var footer = Assert.Single(blocks, b => b.Id == "unsubscribe-footer");
        Assert.Equal("Unsubscribe footer", footer.Label);
        Assert.Contains($"<a href=\"{MergeTagNames.ManagePreferences}\"", footer.Content);
        Assert.Contains($"<a href=\"{MergeTagNames.GroupUnsubscribe}\"", footer.Content);
        var line = Assert.Single(blocks, b => b.Id == "manage-preferences-line");
        Assert.Contains($"<a href=\"{MergeTagNames.ManagePreferences}\"", line.Content);
        Assert.Contains(">Manage preferences</a>", line.Content);
    }

    [Fact]
    public void S9_without_groups_the_blocks_offer_only_group_unsubscribe()
    {
        var blocks = SpecialLinkBlocks.Build(SpecialLinkCatalog.CreateDefault(), groupsConfigured: false, English);

        var footer = Assert.Single(blocks);
        Assert.Equal("unsubscribe-footer", footer.Id);
        Assert.DoesNotContain(MergeTagNames.ManagePreferences, footer.Content);
        Assert.Contains($"<a href=\"{MergeTagNames.GroupUnsubscribe}\"", footer.Content);
    }

    [Fact]
    public void Block_text_is_html_encoded_in_every_language()
    {
        var blocks = SpecialLinkBlocks.Build(SpecialLinkCatalog.CreateDefault(), groupsConfigured: true, CultureInfo.GetCultureInfo("fr"));

        var footer = blocks.Single(b => b.Id == "unsubscribe-footer");
        Assert.Contains(">Se désabonner</a>", footer.Content);
        var line = blocks.Single(b => b.Id == "manage-preferences-line");
        Assert.Contains("Choisissez les e-mails que vous recevez :", line.Content);
    }
}
