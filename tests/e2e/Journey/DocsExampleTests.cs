using Microsoft.Playwright;
using PreferenceUiKit.Testing;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>The example of docs/testing.md, compiled and run here; a second test checks the doc quotes it verbatim.</summary>
public sealed class DocsExampleTests(JourneyHost host) : IClassFixture<JourneyHost>, IAsyncLifetime
{
    private IBrowser browser = default!;
    private string preferencesLinkFromEmail = "";

    /// <summary>The demo's Spring launch email to Jeanne, sent by the host and read from its pickup folder.</summary>
    public async Task InitializeAsync()
    {
        browser = host.Browser;
        await host.Api.SendAsync(await host.Api.CampaignIdAsync("Spring launch"));
        preferencesLinkFromEmail = host.Mail.Single("jeanne@example.com", "Spring is here").ManagePreferencesLink;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    // docs/testing.md example: begin
    [Fact]
    public async Task Recipient_turns_off_a_group_and_saves()
    {
        var page = await browser.NewPageAsync(new() { Locale = "fr-FR" });
        var preferences = await new PreferencesPageObject(page).OpenAsync(preferencesLinkFromEmail);
        await preferences.SetGroupByNameAsync("Offers", false);
        await preferences.SaveAndExpectSavedAsync();
        await preferences.BackToPreferencesAsync();
        Assert.False(await preferences.IsGroupOnByNameAsync("Offers"));
        Assert.True(await preferences.IsGroupOnByNameAsync("Newsletter"));
    }
    // docs/testing.md example: end

    [Fact]
    public void Docs_quote_the_example_verbatim()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "e2e", "Journey", "DocsExampleTests.cs")).ReplaceLineEndings("\n");
        const string Begin = "// docs/testing.md example: begin\n", End = "    // docs/testing.md example: end";
        var start = source.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var example = source[start..source.IndexOf(End, start, StringComparison.Ordinal)];
        // The doc shows the method without the class's indentation.
        var unindented = string.Join('\n', example.TrimEnd('\n').Split('\n').Select(l => l.StartsWith("    ", StringComparison.Ordinal) ? l[4..] : l));
        var doc = File.ReadAllText(Path.Combine(root, "docs", "testing.md")).ReplaceLineEndings("\n");
        Assert.Contains(unindented, doc);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "test.sh")) && Directory.Exists(Path.Combine(dir.FullName, "docs"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (with test.sh and docs/) was not found above " + AppContext.BaseDirectory);
    }
}
