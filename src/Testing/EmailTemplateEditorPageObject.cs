using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.Testing;

/// <summary>
/// The drag-and-drop <c>EmailTemplateEditor</c> component (PreferenceUiKit.EditorPlugin) on a host app's page, for a
/// host app's own Playwright suite: select text in the canvas, wrap it in a special link, edit raw HTML, read the
/// template check, export and save. Relies only on the editor's <c>data-testid</c> hooks (docs/testing.md).
/// </summary>
public sealed class EmailTemplateEditorPageObject
{
    /// <summary>Wraps a page that shows one editor.</summary>
    /// <param name="page">The Playwright page.</param>
    public EmailTemplateEditorPageObject(IPage page) => Page = page ?? throw new ArgumentNullException(nameof(page));

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>The editor's root element (<c>data-testid="email-template-editor"</c>).</summary>
    public ILocator Root => Page.GetByTestId("email-template-editor");

    /// <summary>The drag-and-drop canvas (the builder's frame).</summary>
    public IFrameLocator Canvas => Page.GetByTestId("designer").Locator("iframe").First.ContentFrame;

    /// <summary>The raw-HTML text area (raw-HTML mode).</summary>
    public ILocator RawHtml => Page.GetByTestId("raw-html");

    /// <summary>Every finding of the template check.</summary>
    public ILocator LintFindings => Page.GetByTestId("lint-finding");

    /// <summary>The <em>no problems</em> line of the template check.</summary>
    public ILocator LintOk => Page.GetByTestId("lint-ok");

    /// <summary>Waits until the editor says it is ready (<c>data-editor-state="ready"</c>).</summary>
    public async Task<EmailTemplateEditorPageObject> WaitUntilReadyAsync()
    {
        await Expect(Page.Locator("[data-testid='email-template-editor'][data-editor-state='ready']")).ToBeVisibleAsync();
        return this;
    }

    /// <summary>Switches to drag-and-drop mode and waits until ready.</summary>
    public async Task UseDragAndDropAsync()
    {
        await Page.GetByTestId("kind-drag-and-drop").ClickAsync();
        await Expect(Root).ToHaveAttributeAsync("data-kind", "DragAndDrop");
        await WaitUntilReadyAsync();
    }

    /// <summary>Switches to raw-HTML mode and waits until the text area shows.</summary>
    public async Task UseRawHtmlAsync()
    {
        await Page.GetByTestId("kind-raw-html").ClickAsync();
        await Expect(RawHtml).ToBeVisibleAsync();
        await WaitUntilReadyAsync();
    }

    /// <summary>Starts editing the canvas element matched by a selector and selects the first occurrence of a text in it.</summary>
    /// <param name="elementSelector">A CSS selector inside the canvas (for example <c>#intro</c>).</param>
    /// <param name="text">The words to select.</param>
    public async Task SelectTextAsync(string elementSelector, string text)
    {
        var element = Canvas.Locator(elementSelector);
        await element.DblClickAsync();
        await Expect(element).ToHaveAttributeAsync("contenteditable", "true");
        await element.EvaluateAsync("""
            (el, text) => {
              const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.textContent.indexOf(text);
                if (at < 0) continue;
                const range = el.ownerDocument.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + text.length);
                const selection = el.ownerDocument.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
              }
              throw new Error('Text not found in the element: ' + text);
            }
            """, text);
    }

    /// <summary>Wraps the current canvas selection in a special link: <em>Special links &gt; category &gt; link</em>.</summary>
    /// <param name="linkId">The special link's id (<c>manage-preferences</c>, <c>group-unsubscribe</c>).</param>
    /// <param name="categoryId">The menu category (<c>unsubscribe</c>).</param>
    public async Task InsertSpecialLinkAsync(string linkId, string categoryId = "unsubscribe")
    {
        await Page.GetByTestId("special-links-button").ClickAsync();
        await Expect(Page.GetByTestId("special-links-menu")).ToBeVisibleAsync();
        await Page.GetByTestId($"special-links-category-{categoryId}").ClickAsync();
        await Page.GetByTestId($"special-link-{linkId}").ClickAsync();
    }

    /// <summary>Selects a text in a canvas element and wraps it in a special link.</summary>
    /// <param name="elementSelector">A CSS selector inside the canvas.</param>
    /// <param name="text">The words that become the link.</param>
    /// <param name="linkId">The special link's id.</param>
    public async Task InsertSpecialLinkAroundAsync(string elementSelector, string text, string linkId)
    {
        await SelectTextAsync(elementSelector, text);
        await InsertSpecialLinkAsync(linkId);
    }

    /// <summary>The canvas links whose <c>href</c> is a merge tag (for example <c>*|CT_MANAGE_PREFERENCES|*</c>).</summary>
    /// <param name="mergeTag">The merge tag.</param>
    public ILocator CanvasLinks(string mergeTag) => Canvas.Locator($"a[href=\"{mergeTag}\"]");

    /// <summary>In raw-HTML mode, inserts a special link at the caret with its button (<c>raw-insert-{linkId}</c>).</summary>
    /// <param name="linkId">The special link's id.</param>
    public Task InsertRawSpecialLinkAsync(string linkId) => Page.GetByTestId($"raw-insert-{linkId}").ClickAsync();

    /// <summary>Replaces the raw HTML.</summary>
    /// <param name="html">The template.</param>
    public Task SetRawHtmlAsync(string html) => RawHtml.FillAsync(html);

    /// <summary>The raw HTML.</summary>
    public Task<string> RawHtmlAsync() => RawHtml.InputValueAsync();

    /// <summary>The codes of the template check's findings (<c>data-code</c>).</summary>
    public async Task<IReadOnlyList<string>> LintCodesAsync()
    {
        var codes = new List<string>();
        foreach (var finding in await LintFindings.AllAsync())
            codes.Add(await finding.GetAttributeAsync("data-code") ?? "");
        return codes;
    }

    /// <summary>Clicks Export HTML (the host app receives the inlined HTML through the component's <c>OnExport</c>).</summary>
    public Task ExportAsync() => Page.GetByTestId("export-html").ClickAsync();

    /// <summary>Clicks Save template (the host app receives the snapshot through the component's <c>OnSave</c>).</summary>
    public Task SaveAsync() => Page.GetByTestId("save-template").ClickAsync();
}
