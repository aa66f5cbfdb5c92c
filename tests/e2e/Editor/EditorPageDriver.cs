using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PreferenceUiKit.EndToEnd.Tests.Editor;

/// <summary>Drives the test app's editor page the way a designer does, and records every request the page makes.</summary>
public sealed class EditorPageDriver : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private EditorPageDriver(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Request += (_, r) => Requests.Add(r.Url);
        page.WebSocket += (_, ws) => Requests.Add(ws.Url);
        page.PageError += (_, e) => Errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") Errors.Add(m.Text); };
    }

    /// <summary>Uncaught script errors and console errors of the page.</summary>
    public ConcurrentBag<string> Errors { get; } = [];

    public IPage Page { get; }

    /// <summary>Every URL the page asked for (documents, scripts, styles, fonts, frames, fetches, web sockets).</summary>
    public ConcurrentBag<string> Requests { get; } = [];

    public ILocator Editor => Page.Locator("[data-testid=email-template-editor]");
    public IFrameLocator Canvas => Page.FrameLocator(".gjs-frame");
    public ILocator LintFindings => Page.Locator("[data-testid=lint-finding]");

    public static async Task<EditorPageDriver> OpenAsync(EditorHostFixture host, string query = "")
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1360, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var driver = new EditorPageDriver(context, page);
        await page.GotoAsync("editor" + query);
        await driver.WaitUntilReadyAsync();
        return driver;
    }

    public async Task WaitUntilReadyAsync()
    {
        await Assertions.Expect(Page.Locator("[data-testid=email-template-editor][data-editor-state=ready]")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("[data-testid=lint-panel] h2")).ToBeVisibleAsync();
    }

    /// <summary>Starts editing a text block in the canvas and selects exactly <paramref name="words"/> in it.</summary>
    public async Task SelectTextAsync(string elementSelector, string words)
    {
        var element = Canvas.Locator(elementSelector);
        await element.DblClickAsync();
        await Assertions.Expect(element).ToHaveAttributeAsync("contenteditable", "true");
        await element.EvaluateAsync(@"(el, words) => {
            const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.textContent.indexOf(words);
                if (at < 0) continue;
                const range = el.ownerDocument.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                const selection = el.ownerDocument.getSelection();
                selection.removeAllRanges();
                selection.addRange(range);
                return;
            }
            throw new Error('text not found: ' + words);
        }", words);
    }

    /// <summary>Special links &gt; (category) &gt; (entry) in the rich-text toolbar.</summary>
    public async Task PickSpecialLinkAsync(string linkId, string categoryId = "unsubscribe", Func<string, Task>? screenshot = null)
    {
        await Page.Locator("[data-testid=special-links-button]").ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=special-links-menu]")).ToBeVisibleAsync();
        if (screenshot is not null) await screenshot("2-special-links-menu");
        await Page.Locator($"[data-testid=special-links-category-{categoryId}]").ClickAsync();
        await Assertions.Expect(Page.Locator($"[data-testid=special-link-{linkId}]")).ToBeVisibleAsync();
        if (screenshot is not null) await screenshot("3-unsubscribe-submenu");
        await Page.Locator($"[data-testid=special-link-{linkId}]").ClickAsync();
    }

    /// <summary>Opens a panel of the builder by its button title ("Open Blocks", "Settings", "Open Layer Manager").</summary>
    public async Task OpenPanelAsync(string title)
    {
        var button = Page.Locator($".gjs-pn-btn[title=\"{title}\"]");
        if (!await button.EvaluateAsync<bool>("b => b.classList.contains('gjs-pn-active')")) await button.ClickAsync();
    }

    /// <summary>Drags a block from the block panel onto an element of the canvas, with the pointer, as a designer does.</summary>
    public async Task DragBlockAsync(string blockId, string targetSelector)
    {
        await OpenPanelAsync("Open Blocks");
        var block = Page.Locator($".gjs-block[data-testid=block-{blockId}]");
        await Assertions.Expect(block).ToBeVisibleAsync();
        // Every special-links block carries links: a drop landed when the canvas has more of them.
        const string countLinks = "() => document.querySelectorAll('a[href]').length";
        var before = await Canvas.Locator("body").EvaluateAsync<int>(countLinks);
        // Chromium sometimes ignores a synthetic HTML5 drag into a frame: a drop that left the canvas unchanged is
        // tried again (at most three times), and the caller's assertions say whether it landed.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await block.ScrollIntoViewIfNeededAsync();
            var from = await block.BoundingBoxAsync() ?? throw new InvalidOperationException($"Block {blockId} is not shown.");
            var to = await Canvas.Locator(targetSelector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{targetSelector} is not in the canvas.");
            var (x0, y0) = (from.X + from.Width / 2f, from.Y + from.Height / 2f);
            var (x1, y1) = (to.X + to.Width / 2f, to.Y + to.Height * 0.75f);
            await Page.Mouse.MoveAsync(x0, y0);
            var grabbed = await Page.EvaluateAsync<string?>(
                "p => document.elementFromPoint(p.x, p.y)?.closest('.gjs-block')?.dataset.testid ?? null",
                new Dictionary<string, double> { ["x"] = x0, ["y"] = y0 });
            if (grabbed != $"block-{blockId}") continue; // the panel moved under the pointer: measure again
            await Page.Mouse.DownAsync();
            // HTML5 drag and drop into the canvas frame needs intermediate pointer moves to start and to track.
            for (var step = 1; step <= 10; step++)
                await Page.Mouse.MoveAsync(x0 + (x1 - x0) * step / 10f, y0 + (y1 - y0) * step / 10f);
            await Page.Mouse.UpAsync();
            if (await Canvas.Locator("body").EvaluateAsync<int>(countLinks) != before) return;
        }
    }

    /// <summary>Presses Export HTML and returns what the host received through the component's stream.</summary>
    public async Task<string> ExportAsync()
    {
        var count = Page.Locator("[data-testid=export-count]");
        var next = int.Parse(await count.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) + 1;
        await Page.Locator("[data-testid=export-html]").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync(next.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await Page.Locator("[data-testid=exported-html]").InnerTextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("PREFERENCEUIKIT_DEBUG_LOG") is { Length: > 0 } log)
            await File.AppendAllLinesAsync(log, Errors);
        await _context.CloseAsync();
    }
}
