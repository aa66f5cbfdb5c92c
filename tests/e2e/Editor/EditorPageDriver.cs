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
