using Microsoft.Playwright;
using PreferenceUiKit.EndToEnd.Tests.HostProcess;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>
/// One reference host process, one Debian Chromium and one admin API client, shared by the tests of a class
/// (<c>IClassFixture</c>): each class gets its own database and mail folder.
/// </summary>
public sealed class JourneyHost : IAsyncLifetime
{
    /// <summary>Environment variable that points at another Chromium build.</summary>
    public const string ChromiumVariable = "PREFERENCEUIKIT_CHROMIUM";

    private IPlaywright? _playwright;

    /// <summary>The running host.</summary>
    public ReferenceHostProcess Host { get; private set; } = default!;
    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;
    /// <summary>The admin API of the host.</summary>
    public AdminApi Api { get; private set; } = default!;
    /// <summary>The host's pickup folder.</summary>
    public Mailbox Mail { get; private set; } = default!;

    /// <summary>Where screenshots go: <c>e2e-artifacts</c> under the test output folder.</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "e2e-artifacts")).FullName;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        Assertions.SetDefaultExpectTimeout(30_000);
        var host = ReferenceHostProcess.StartAsync();
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        Host = await host;
        Api = new AdminApi(Host.BaseAddress, ReferenceHostProcess.ApiKey);
        Mail = new Mailbox(Host.MailFolder);
    }

    /// <summary>Root needs --no-sandbox; the others stop the browser's own calls to hosts outside the test.</summary>
    public static string[] ChromiumArgs { get; } =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The Chromium executable (Debian's unless <see cref="ChromiumVariable"/> names another).</summary>
    public static string ChromiumPath()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it with `apt-get install -y chromium fonts-noto-core` " +
                $"(./test.sh does this as root), or set {ChromiumVariable} to a Chromium executable.");
        return chromium;
    }

    /// <summary>The Playwright instance (for persistent contexts).</summary>
    public IPlaywright Playwright => _playwright!;

    /// <summary>A fresh browser context (no shared cookies or storage) for one recipient.</summary>
    public async Task<IBrowserContext> NewContextAsync(string locale = "en-US", bool javaScript = true, int width = 480, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Host.BaseAddress.ToString(),
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>A unique address for a test's recipient.</summary>
    public static string NewEmail(string name) => $"{name}-{Guid.NewGuid():N}@example.com";

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
    }
}
