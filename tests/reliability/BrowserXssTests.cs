using Microsoft.Playwright;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// The hostile group of <see cref="BadInputTests"/> in a real browser (Debian Chromium through Playwright): loading
/// the recipient pages, a mouse-over and focus on every element runs nothing (no dialog, no script error, no request to
/// the attacker's host).
/// </summary>
public sealed class BrowserXssTests(ITestOutputHelper output)
{
    private static string ChromiumPath() => Environment.GetEnvironmentVariable("PREFERENCEUIKIT_CHROMIUM") ?? "/usr/bin/chromium";

    [SkippableFact]
    public async Task Hostile_group_texts_run_nothing_in_a_real_browser()
    {
        var chromium = ChromiumPath();
        if (!File.Exists(chromium))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{chromium} is missing; eng/prereqs/30-chromium.sh installs it.");
            Skip.If(true, $"{chromium} is missing (eng/prereqs/30-chromium.sh installs it).");
        }
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 1, "xssb");
        var hostile = await world.Admin.GroupAsync("<img src=x onerror=alert(1)><script>alert(2)</script>",
            "[click](javascript:alert(3)) <script>alert(4)</script> <img src=\"https://evil.example/x.png\" onerror=\"alert(5)\"> " +
            "<svg onload=alert(6)></svg> <iframe src=\"javascript:alert(7)\"></iframe> <a href=\"javascript:alert(8)\" onmouseover=\"alert(9)\">hover</a>");
        var campaign = await world.Admin.CampaignAsync("Hostile", [hostile, world.Groups[0]]);
        var contact = world.Contacts[0].Id;
        var links = new[]
        {
            await world.Admin.LinkAsync(contact, campaign, "ManagePreferences"),
            await world.Admin.LinkAsync(contact, campaign, "GroupUnsubscribe"),
            await world.Admin.LinkAsync(contact, campaign, "ManagePreferences", test: true),
        };

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        var errors = new List<string>();
        var foreignRequests = new List<string>();
        page.Dialog += async (_, d) => { dialogs.Add(d.Message); await d.DismissAsync(); };
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) => { if (r.Url.Contains("evil.example")) foreignRequests.Add(r.Url); };
        foreach (var link in links)
        {
            await page.GotoAsync(new Uri(world.Host.Address, link).ToString(), new() { WaitUntil = WaitUntilState.Load });
            // Mouse-over and focus on every element: an injected handler would run now.
            await page.EvaluateAsync("() => document.querySelectorAll('body *').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })); e.dispatchEvent(new FocusEvent('focus')); })");
            Assert.Contains("alert(", await page.ContentAsync()); // the hostile text is on the page, as text
        }
        Assert.Empty(dialogs);
        Assert.Empty(foreignRequests);
        Assert.Empty(errors);
        Variant.Report(output, $"XSS in Chromium: {links.Length} recipient pages loaded, mouse-over and focus on every element: dialogs 0, script errors 0, requests to the attacker's host 0");
    }
}
