using PreferenceUiKit.Tests.Shared;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PreferenceUiKit.EndToEnd.Tests.Editor;

/// <summary>
/// Starts the editor test app (tests/e2e/EditorTestHost) as its own process on real Kestrel at 127.0.0.1:0, and the
/// Debian Chromium through Playwright. Shared by every editor test.
/// </summary>
public sealed partial class EditorHostFixture : IAsyncLifetime
{
    /// <summary>Environment variable that points at another Chromium build.</summary>
    public const string ChromiumVariable = "PREFERENCEUIKIT_CHROMIUM";

    private Process? _host;
    private readonly List<string> _hostOutput = [];
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();

    public async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } custom ? custom : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"Chromium was not found at {chromium}. Install it with `apt-get install -y chromium fonts-noto-core` " +
                $"(./test.sh does this as root), or set {ChromiumVariable} to a Chromium executable.");

        // Waits, not timings: a busy two-core CI machine may need longer than Playwright's default 5 s to settle.
        Assertions.SetDefaultExpectTimeout(20_000);
        BaseAddress = await StartHostAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // Root needs --no-sandbox; the others stop the browser's own calls to hosts outside the test.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    private async Task<Uri> StartHostAsync()
    {
        var dll = typeof(EditorHostFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "EditorTestHost").Value!;
        if (!File.Exists(dll)) throw new InvalidOperationException($"The editor test app was not built: {dll} is missing.");
        var start = AppProcessStart.For(dll, "http://127.0.0.1:0");
        // Development serves the package's static files from the build output.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _host = new Process { StartInfo = start, EnableRaisingEvents = true };
        _host.OutputDataReceived += (_, e) => OnLine(e.Data);
        _host.ErrorDataReceived += (_, e) => OnLine(e.Data);
        _host.Exited += (_, _) => address.TrySetException(new InvalidOperationException(
            "The editor test app stopped before listening:\n" + string.Join('\n', Output())));
        _host.Start();
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();

        void OnLine(string? line)
        {
            if (line is null) return;
            lock (_hostOutput) _hostOutput.Add(line);
            if (ListeningLine().Match(line) is { Success: true } m) address.TrySetResult(new Uri(m.Groups[1].Value + "/"));
        }

        // A start-up guard, not an assertion: a host that never listens fails the suite with its output.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using (guard.Token.Register(() => address.TrySetException(new TimeoutException(
            "The editor test app did not start listening:\n" + string.Join('\n', Output())))))
            return await address.Task;
    }

    public IReadOnlyList<string> Output()
    {
        lock (_hostOutput) return _hostOutput.ToList();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }
        _host?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class EditorCollection : ICollectionFixture<EditorHostFixture>
{
    public const string Name = "editor";
}
