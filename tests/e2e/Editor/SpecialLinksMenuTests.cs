using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.EndToEnd.Tests.Editor;

/// <summary>Rule S13 in a real browser: select text, Special links &gt; Unsubscribe &gt; an entry, export.</summary>
[Collection(EditorCollection.Name)]
public sealed class SpecialLinksMenuTests(EditorHostFixture host)
{
    /// <summary>Set to a folder (e.g. docs/screenshots) to save the menu's still sequence there.</summary>
    private const string ScreenshotsVariable = "PREFERENCEUIKIT_SCREENSHOTS";

    private static Regex LinkAround(string tag, string text) =>
        new($"<a [^>]*href=\"{Regex.Escape(tag)}\"[^>]*>{Regex.Escape(text)}</a>");

    [Theory]
    [InlineData("manage-preferences", MergeTagNames.ManagePreferences)]
    [InlineData("group-unsubscribe", MergeTagNames.GroupUnsubscribe)]
    public async Task S13_picking_an_unsubscribe_entry_links_exactly_the_selected_text(string linkId, string tag)
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);

        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync(linkId);
        var html = await editor.ExportAsync();

        Assert.Matches(LinkAround(tag, "manage your emails"), html);
        var link = LinkAround(tag, "manage your emails").Match(html);
        Assert.EndsWith("Click here to ", html[..link.Index]);
        Assert.StartsWith(" today.", html[(link.Index + link.Length)..]);
        Assert.Single(Regex.Matches(html, Regex.Escape(tag)));
        Assert.DoesNotContain(tag == MergeTagNames.ManagePreferences ? MergeTagNames.GroupUnsubscribe : MergeTagNames.ManagePreferences, html);
    }

    [Fact]
    public async Task Both_entries_in_one_template_render_through_CompiledTemplate_with_every_other_byte_unchanged()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        var screenshot = ScreenshotWriter(editor.Page);

        await editor.SelectTextAsync("#intro", "manage your emails");
        if (screenshot is not null) await screenshot("1-select-text");
        await editor.PickSpecialLinkAsync("manage-preferences", screenshot: screenshot);
        await Assertions.Expect(editor.Canvas.Locator($"a[href=\"{MergeTagNames.ManagePreferences}\"]")).ToHaveTextAsync("manage your emails");
        if (screenshot is not null) await screenshot("4-link-created");
        await editor.SelectTextAsync("#second", "leave this list");
        await editor.PickSpecialLinkAsync("group-unsubscribe");
        var html = await editor.ExportAsync();

        Assert.Matches(LinkAround(MergeTagNames.ManagePreferences, "manage your emails"), html);
        Assert.Matches(LinkAround(MergeTagNames.GroupUnsubscribe, "leave this list"), html);
        const string manageUrl = "https://mail.example.test/email/preferences/AbC123";
        const string unsubscribeUrl = "https://mail.example.test/email/unsubscribe/XyZ789";
        var template = CompiledTemplate.Compile(html);
        var rendered = template.Render(new RecipientLinks(manageUrl, unsubscribeUrl));

        Assert.True(template.Uses(LinkKind.ManagePreferences));
        Assert.True(template.Uses(LinkKind.GroupUnsubscribe));
        Assert.Equal(html.Replace(MergeTagNames.ManagePreferences, manageUrl).Replace(MergeTagNames.GroupUnsubscribe, unsubscribeUrl), rendered);
        Assert.DoesNotContain("*|CT_", rendered);
        Assert.Equal(html.Length - MergeTagNames.ManagePreferences.Length - MergeTagNames.GroupUnsubscribe.Length + manageUrl.Length + unsubscribeUrl.Length, rendered.Length);
    }

    [Fact]
    public async Task The_link_settings_offer_the_same_choices_and_retarget_a_link()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync("group-unsubscribe");

        // The new link is selected; its settings (the preset's gear panel) show the special link it carries.
        await editor.OpenPanelAsync("Settings");
        var choice = editor.Page.Locator("[data-testid=special-link-trait]");
        await Assertions.Expect(choice).ToHaveValueAsync(MergeTagNames.GroupUnsubscribe);
        await choice.SelectOptionAsync(MergeTagNames.ManagePreferences);
        var html = await editor.ExportAsync();

        Assert.Matches(LinkAround(MergeTagNames.ManagePreferences, "manage your emails"), html);
        Assert.DoesNotContain(MergeTagNames.GroupUnsubscribe, html);
    }

    [Fact]
    public async Task The_special_link_blocks_drop_into_the_canvas()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        await editor.DragBlockAsync("unsubscribe-footer", "#second");
        await Assertions.Expect(editor.Canvas.Locator($"a[href=\"{MergeTagNames.GroupUnsubscribe}\"]")).ToHaveCountAsync(1);
        await editor.DragBlockAsync("manage-preferences-line", "#intro");
        await Assertions.Expect(editor.Canvas.Locator($"a[href=\"{MergeTagNames.ManagePreferences}\"]")).ToHaveCountAsync(2);
        var html = await editor.ExportAsync();

        Assert.Matches(LinkAround(MergeTagNames.GroupUnsubscribe, "Unsubscribe"), html);
        Assert.Equal(2, Regex.Matches(html, LinkAround(MergeTagNames.ManagePreferences, "Manage preferences").ToString()).Count);
        // With an unsubscribe link in place the linter no longer asks for one.
        await Assertions.Expect(editor.Page.Locator("[data-testid=lint-ok]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task S9_the_preference_center_entry_is_refused_with_an_explanation_while_no_group_exists()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host, "?groups=false");

        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync("manage-preferences");

        var refusal = editor.Page.Locator("[data-testid=special-link-refusal]");
        await Assertions.Expect(refusal).ToBeVisibleAsync();
        await Assertions.Expect(refusal).ToContainTextAsync("needs at least one subscription group");
        await Assertions.Expect(refusal).ToContainTextAsync("Group Unsubscribe");
        if (ScreenshotWriter(editor.Page) is { } screenshot) await screenshot("5-refused-without-groups");
        Assert.DoesNotContain(MergeTagNames.ManagePreferences, await editor.ExportAsync());

        // Group Unsubscribe is still allowed: with no groups it leaves all email (S5).
        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync("group-unsubscribe");
        Assert.Matches(LinkAround(MergeTagNames.GroupUnsubscribe, "manage your emails"), await editor.ExportAsync());
    }

    [Fact]
    public async Task The_linter_findings_show_beside_the_canvas_and_clear_once_an_unsubscribe_link_exists()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        await Assertions.Expect(editor.LintFindings.And(editor.Page.Locator("[data-code=no_unsubscribe_link]"))).ToBeVisibleAsync();

        await editor.SelectTextAsync("#second", "leave this list");
        await editor.PickSpecialLinkAsync("group-unsubscribe");

        await Assertions.Expect(editor.Page.Locator("[data-testid=lint-ok]")).ToBeVisibleAsync();
        await Assertions.Expect(editor.LintFindings).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Saved_project_data_opens_again_with_its_links()
    {
        await using (var editor = await EditorPageDriver.OpenAsync(host))
        {
            await editor.SelectTextAsync("#intro", "manage your emails");
            await editor.PickSpecialLinkAsync("manage-preferences");
            await Assertions.Expect(editor.Canvas.Locator($"a[href=\"{MergeTagNames.ManagePreferences}\"]")).ToHaveCountAsync(1);
            await editor.Page.Locator("[data-testid=save-template]").ClickAsync();
            await Assertions.Expect(editor.Page.Locator("[data-testid=editor-saved]")).ToBeVisibleAsync();
            await Assertions.Expect(editor.Page.Locator("[data-testid=saved-summary]")).ToContainTextAsync("project data: yes");
        }

        await using var reopened = await EditorPageDriver.OpenAsync(host, "?project=saved&html=%3Cp%3Eother%3C%2Fp%3E");
        var html = await reopened.ExportAsync();

        Assert.Matches(LinkAround(MergeTagNames.ManagePreferences, "manage your emails"), html);
        Assert.DoesNotContain(">other<", html);
    }

    [Fact]
    public async Task The_menu_speaks_the_designers_language()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host, "?lang=fr");
        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.Page.Locator("[data-testid=special-links-button]").ClickAsync();

        await Assertions.Expect(editor.Page.Locator("[data-testid=special-links-button]")).ToContainTextAsync("Liens spéciaux");
        await Assertions.Expect(editor.Page.Locator("[data-testid=special-links-category-unsubscribe]")).ToContainTextAsync("Désabonnement");
        await editor.Page.Locator("[data-testid=special-links-category-unsubscribe]").ClickAsync();
        await Assertions.Expect(editor.Page.Locator("[data-testid=special-link-manage-preferences]")).ToHaveTextAsync("Centre de préférences e-mail");
        await Assertions.Expect(editor.Page.Locator("[data-testid=special-link-group-unsubscribe]")).ToHaveTextAsync("Désabonnement du groupe");
    }

    private static Func<string, Task>? ScreenshotWriter(IPage page)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable);
        if (string.IsNullOrEmpty(folder)) return null;
        Directory.CreateDirectory(folder);
        return name => page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(folder, $"editor-{name}.png"),
            Clip = new Clip { X = 0, Y = 0, Width = 1360, Height = 700 },
        });
    }
}
