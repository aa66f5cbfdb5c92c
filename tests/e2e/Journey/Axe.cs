using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>axe-core (embedded in Deque.AxeCore.Playwright, no network) with the WCAG 2.2 A/AA tags.</summary>
public static class Axe
{
    /// <summary>The tags the pages must pass.</summary>
    public static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs axe on the page; returns one line per violation and element (empty when clean).</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags },
            ResultTypes = [ResultType.Violations],
        });
        return result.Violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" ", n.Target)} - {n.Html}"))
            .ToList();
    }

    /// <summary>Fails (through the page step) when axe finds any violation.</summary>
    public static async Task AssertCleanAsync(IPage page, string name) =>
        await page.StepAsync($"axe {name}", async () =>
        {
            var violations = await ViolationsAsync(page);
            if (violations.Count > 0)
                throw new Xunit.Sdk.XunitException($"axe found {violations.Count} violation(s) on {name}:\n  " + string.Join("\n  ", violations));
        });
}
