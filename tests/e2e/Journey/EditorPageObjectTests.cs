using Microsoft.Playwright;
using PreferenceUiKit.EndToEnd.Tests.Editor;
using PreferenceUiKit.Testing;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>The editor page object of PreferenceUiKit.Testing against the editor test app (tests/e2e/EditorTestHost).</summary>
[Collection(EditorCollection.Name)]
public sealed class EditorPageObjectTests(EditorHostFixture host)
{
    [Fact]
    public async Task Wraps_a_selection_in_a_special_link_and_exports_it()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("editor");
        var editor = await new EmailTemplateEditorPageObject(page).WaitUntilReadyAsync();

        await page.StepAsync("insert the Group Unsubscribe link around a selection, then export", async () =>
        {
            await editor.InsertSpecialLinkAroundAsync("#intro", "manage your emails", "group-unsubscribe");
            await Expect(editor.CanvasLinks("*|CT_GROUP_UNSUBSCRIBE|*")).ToHaveTextAsync("manage your emails");
            await editor.ExportAsync();
            // The test app shows what its OnExport handler received.
            await Expect(page.GetByTestId("export-count")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("exported-html")).ToContainTextAsync("*|CT_GROUP_UNSUBSCRIBE|*");
        });
    }
}
