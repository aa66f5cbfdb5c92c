using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.EndToEnd.Tests.Editor;

[Collection(EditorCollection.Name)]
public sealed class RawHtmlAndNetworkTests(EditorHostFixture host)
{
    [Fact]
    public async Task Loading_the_editor_requests_nothing_from_any_host_but_the_test_server()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        // Open what loads lazily too: the blocks, the layer manager, the rich-text toolbar and the special-links menu.
        await editor.OpenPanelAsync("Open Blocks");
        await editor.OpenPanelAsync("Open Layer Manager");
        await editor.OpenPanelAsync("Settings");
        await editor.OpenPanelAsync("Open Blocks");
        await Assertions.Expect(editor.Page.Locator(".gjs-block[data-testid=block-unsubscribe-footer]")).ToBeVisibleAsync();
        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync("group-unsubscribe");
        await editor.ExportAsync();
        await editor.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var requests = editor.Requests.ToList();
        Assert.Contains(requests, u => u.Contains("/lib/grapesjs/grapes.mjs", StringComparison.Ordinal));
        Assert.Contains(requests, u => u.Contains("/lib/font-awesome/", StringComparison.Ordinal));
        var elsewhere = requests.Where(u => !IsLocal(u)).ToList();
        Assert.True(elsewhere.Count == 0, "Requests to other hosts:\n" + string.Join('\n', elsewhere));
    }

    private bool IsLocal(string url)
    {
        var uri = new Uri(url);
        return uri.Scheme is "data" or "blob" or "about"
            || (uri.Host == host.BaseAddress.Host && uri.Port == host.BaseAddress.Port);
    }

    [Fact]
    public async Task S12_raw_html_is_linted_the_same_way_and_refuses_the_preference_center_without_groups()
    {
        const string html = "<p>Hello</p><p><a href=\"*|CT_MANAGE_PREFERENCE|*\">Preferences</a></p>";
        await using var editor = await EditorPageDriver.OpenAsync(host, "?kind=raw&groups=false&html=" + Uri.EscapeDataString(html));

        var unknown = editor.Page.Locator("[data-testid=lint-finding][data-code=unknown_tag]");
        await Assertions.Expect(unknown).ToContainTextAsync($"Did you mean {MergeTagNames.ManagePreferences}?");
        await Assertions.Expect(unknown).ToContainTextAsync("line 1, column");

        await editor.Page.Locator("[data-testid=raw-insert-manage-preferences]").ClickAsync();
        await Assertions.Expect(editor.Page.Locator("[data-testid=special-link-refusal]")).ToContainTextAsync("subscription group");

        var area = editor.Page.Locator("[data-testid=raw-html]");
        await area.FillAsync("<p>Bye. Leave our list here.</p>");
        await area.EvaluateAsync("el => { const at = el.value.indexOf('Leave our list'); el.setSelectionRange(at, at + 'Leave our list'.length); }");
        await editor.Page.Locator("[data-testid=raw-insert-group-unsubscribe]").ClickAsync();
        await Assertions.Expect(editor.Page.Locator("[data-testid=lint-ok]")).ToBeVisibleAsync();

        var exported = await editor.ExportAsync();
        Assert.Equal($"<p>Bye. <a href=\"{MergeTagNames.GroupUnsubscribe}\">Leave our list</a> here.</p>", exported);
    }

    [Fact]
    public async Task Switching_to_raw_html_keeps_the_template_and_its_links()
    {
        await using var editor = await EditorPageDriver.OpenAsync(host);
        await editor.SelectTextAsync("#intro", "manage your emails");
        await editor.PickSpecialLinkAsync("group-unsubscribe");
        await Assertions.Expect(editor.Canvas.Locator($"a[href=\"{MergeTagNames.GroupUnsubscribe}\"]")).ToHaveCountAsync(1);

        await editor.Page.Locator("[data-testid=kind-raw-html]").ClickAsync();
        await editor.WaitUntilReadyAsync();

        var raw = await editor.Page.Locator("[data-testid=raw-html]").InputValueAsync();
        Assert.Matches(new Regex($"<a [^>]*href=\"{Regex.Escape(MergeTagNames.GroupUnsubscribe)}\"[^>]*>manage your emails</a>"), raw);
        Assert.Equal(raw, await editor.ExportAsync());
    }
}
