using System.Globalization;
using System.Text.Json;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.EditorPlugin.Localization;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin.Tests.SpecialLinks;

public sealed class SpecialLinkCatalogTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void The_default_catalog_is_cores_merge_tags_under_Unsubscribe()
    {
        var catalog = SpecialLinkCatalog.CreateDefault();

        Assert.Equal(MergeTagNames.All.Select(t => t.Tag), catalog.Select(l => l.Tag));
        Assert.All(catalog, l => Assert.Equal("unsubscribe", l.Category.Id));
        var manage = catalog.FindByTag(MergeTagNames.ManagePreferences)!;
        Assert.Equal("Email Preference Center", manage.Label.For(English));
        Assert.Equal(LinkKind.ManagePreferences, manage.Kind);
        Assert.True(manage.RequiresSubscriptionGroups);
        var group = catalog.FindByTag(MergeTagNames.GroupUnsubscribe)!;
        Assert.Equal("Group Unsubscribe", group.Label.For(English));
        Assert.False(group.RequiresSubscriptionGroups);
    }

    [Fact]
    public void S9_the_preference_center_entry_is_unavailable_without_groups_and_says_why()
    {
        var manage = SpecialLinkCatalog.CreateDefault().FindById("manage-preferences")!;

        Assert.False(manage.IsAvailable(groupsConfigured: false));
        Assert.True(manage.IsAvailable(groupsConfigured: true));
        Assert.Contains("subscription group", manage.RefusalWithoutGroups!.For(English));
        Assert.Contains("groupe d'abonnement", manage.RefusalWithoutGroups.For(French));
    }

    [Fact]
    public void A_host_adds_its_own_entry_in_its_own_submenu()
    {
        var web = new SpecialLinkCategory("web", LocalizedText.Of("Web", "Web", "Web", "वेब"));
        var catalog = SpecialLinkCatalog.CreateDefault()
            .Add(new SpecialLink("view-online", "*|WEB_VERSION|*", web, LocalizedText.Invariant("View in browser"), LocalizedText.Invariant("View online")));

        Assert.Equal(3, catalog.Count);
        Assert.Equal(["unsubscribe", "web"], catalog.Categories.Select(c => c.Id));
        Assert.Equal("view-online", catalog.FindByTag("*|WEB_VERSION|*")!.Id);
    }

    [Theory]
    [InlineData("manage-preferences", "*|OTHER|*")]      // id taken
    [InlineData("other", MergeTagNames.GroupUnsubscribe)] // tag taken
    [InlineData("Bad Id", "*|OTHER|*")]
    [InlineData("other", "x\" onclick=\"alert(1)")]
    [InlineData("other", "<script>")]
    [InlineData("other", " ")]
    public void Entries_that_would_clash_or_break_the_markup_are_refused(string id, string tag)
    {
        var catalog = SpecialLinkCatalog.CreateDefault();
        var link = new SpecialLink(id, tag, SpecialLinkCategory.Unsubscribe, LocalizedText.Invariant("x"), LocalizedText.Invariant("x"));

        Assert.Throws<ArgumentException>(() => catalog.Add(link));
        Assert.Equal(2, catalog.Count);
    }

    [Fact]
    public void Unlayer_export_nests_each_submenu_with_name_href_target()
    {
        var json = SpecialLinkCatalog.CreateDefault().ToUnlayerJson(English);

        using var doc = JsonDocument.Parse(json);
        var group = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(["name", "specialLinks"], group.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Unsubscribe", group.GetProperty("name").GetString());
        var links = group.GetProperty("specialLinks").EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(["name", "href", "target"], l.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("Email Preference Center", links[0].GetProperty("name").GetString());
        Assert.Equal(MergeTagNames.ManagePreferences, links[0].GetProperty("href").GetString());
        Assert.Equal("Group Unsubscribe", links[1].GetProperty("name").GetString());
        Assert.Equal(MergeTagNames.GroupUnsubscribe, links[1].GetProperty("href").GetString());
        Assert.Equal("_blank", links[1].GetProperty("target").GetString());
    }

    [Fact]
    public void Beefree_export_is_a_flat_list_of_type_label_link()
    {
        var json = SpecialLinkCatalog.CreateDefault().ToBeefreeJson(French);

        using var doc = JsonDocument.Parse(json);
        var links = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, l => Assert.Equal(["type", "label", "link"], l.EnumerateObject().Select(p => p.Name)));
        Assert.All(links, l => Assert.Equal("Désabonnement", l.GetProperty("type").GetString()));
        Assert.Equal("Centre de préférences e-mail", links[0].GetProperty("label").GetString());
        Assert.Equal(MergeTagNames.ManagePreferences, links[0].GetProperty("link").GetString());
        Assert.Equal(MergeTagNames.GroupUnsubscribe, links[1].GetProperty("link").GetString());
        Assert.Contains("Désabonnement", json); // readable, not \u-escaped
    }

    [Fact]
    public void S9_exports_for_a_provider_without_groups_leave_out_the_preference_center()
    {
        var catalog = SpecialLinkCatalog.CreateDefault();

        Assert.DoesNotContain(MergeTagNames.ManagePreferences, catalog.ToUnlayerJson(English, groupsConfigured: false));
        Assert.DoesNotContain(MergeTagNames.ManagePreferences, catalog.ToBeefreeJson(English, groupsConfigured: false));
        Assert.Contains(MergeTagNames.GroupUnsubscribe, catalog.ToBeefreeJson(English, groupsConfigured: false));
    }

    [Fact]
    public void Hindi_labels_come_through_the_exports()
    {
        var json = SpecialLinkCatalog.CreateDefault().ToUnlayerJson(CultureInfo.GetCultureInfo("hi-IN"));

        using var doc = JsonDocument.Parse(json);
        var links = doc.RootElement[0].GetProperty("specialLinks");
        Assert.Equal("ईमेल प्राथमिकता केंद्र", links[0].GetProperty("name").GetString());
        Assert.Equal("समूह सदस्यता रद्द करें", links[1].GetProperty("name").GetString());
    }
}
