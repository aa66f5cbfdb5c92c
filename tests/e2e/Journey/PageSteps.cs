using Microsoft.Playwright;
using Xunit.Sdk;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>A failed page step: says where to look (the page URL and a screenshot).</summary>
public sealed class PageStepException(string message, Exception inner) : XunitException(message, inner)
{
    /// <summary>The screenshot taken when the step failed (null if the page could not be captured).</summary>
    public string? ScreenshotPath { get; init; }
    /// <summary>The page URL when the step failed.</summary>
    public string? PageUrl { get; init; }
}

/// <summary>Wraps page steps so that any failure captures a screenshot and names it with the URL in the message.</summary>
public static class PageSteps
{
    /// <summary>Runs one step; on failure throws <see cref="PageStepException"/> with the URL and a screenshot path.</summary>
    public static async Task StepAsync(this IPage page, string step, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception e) when (e is not PageStepException)
        {
            var url = page.Url;
            string? shot = Path.Combine(JourneyHost.ArtifactsFolder, "failures", $"{Safe(step)}-{DateTime.UtcNow:HHmmssfff}.png");
            try
            {
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true, Timeout = 15_000 });
            }
            catch (PlaywrightException)
            {
                shot = null;
            }
            throw new PageStepException(
                $"Step \"{step}\" failed.\n  Page URL: {url}\n  Screenshot: {shot ?? "(the page could not be captured)"}\n{e.Message}", e)
            { ScreenshotPath = shot, PageUrl = url };
        }
    }

    /// <summary>Saves a screenshot of the page as a test artifact (<c>e2e-artifacts/{name}.png</c>); with
    /// <c>PREFERENCEUIKIT_REFRESH_SCREENSHOTS=1</c> also refreshes <c>docs/screenshots/{name}.png</c> when that file exists.</summary>
    public static async Task<string> SaveScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(JourneyHost.ArtifactsFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        if (Environment.GetEnvironmentVariable("PREFERENCEUIKIT_REFRESH_SCREENSHOTS") == "1" && DocsScreenshots() is { } docs)
        {
            var target = Path.Combine(docs, name + ".png");
            if (File.Exists(target)) File.Copy(path, target, overwrite: true);
        }
        return path;
    }

    /// <summary>docs/screenshots of the repository, found upward from the test output folder.</summary>
    private static string? DocsScreenshots()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "docs", "screenshots");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "test.sh"))) return candidate;
        }
        return null;
    }

    private static string Safe(string text) => string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');
}
