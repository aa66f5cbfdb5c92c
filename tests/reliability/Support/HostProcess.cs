using PreferenceUiKit.Tests.Shared;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace PreferenceUiKit.Reliability.Tests.Support;

/// <summary>
/// The reference host as its own operating-system process, in Production, on SQLite or PostgreSQL: started with
/// <c>--urls http://127.0.0.1:{port}</c> and configured through environment variables, killed with SIGKILL
/// (<see cref="KillAsync"/>) and started again on the same database and mail folder.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>The admin API key given to every process.</summary>
    public const string ApiKey = "reliability-api-key-0123456789";

    private readonly Dictionary<string, string> _environment;
    private readonly List<string> _output = [];
    private Process? _process;

    private HostProcess(Dictionary<string, string> environment, int port)
    {
        _environment = environment;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>http://127.0.0.1:{port}/ (the same port after a restart).</summary>
    public Uri BaseAddress { get; }

    /// <summary>How many times the process was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>The built host, from the assembly metadata the test project writes at build time.</summary>
    public static string HostDll() => typeof(HostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ReferenceHost").Value!;

    /// <summary>Starts a host on a free port.</summary>
    /// <param name="provider"><c>Sqlite</c> or <c>Postgres</c>.</param>
    /// <param name="connectionString">The database.</param>
    /// <param name="mailFolder">The pickup folder.</param>
    /// <param name="webhook">Receiver of Channel Unsubscribed events, or null.</param>
    /// <param name="signingKey">A shared link-signing key (Base64), or null for keys kept in the database.</param>
    public static async Task<HostProcess> StartAsync(string provider, string connectionString, string mailFolder, Uri? webhook, string? signingKey = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Storage__Provider"] = provider,
            ["ConnectionStrings__Preferences"] = connectionString,
            ["Mail__Delivery"] = "Pickup",
            ["Mail__PickupDirectory"] = mailFolder,
            ["Admin__ApiKey"] = ApiKey,
            ["Admin__Email"] = "admin@example.com",
            ["Admin__Password"] = "reliability-password-1",
            ["PreferenceCenter__PublicBaseUrl"] = "https://mail.example.com",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Outbox__RetryBaseDelay"] = "00:00:00.500",
            ["Outbox__MaxRetryDelay"] = "00:00:02",
            ["Outbox__Lease"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (webhook is not null)
        {
            environment["Outbox__Webhook__Url"] = webhook.ToString();
            environment["Outbox__Webhook__Secret"] = "reliability-webhook-secret";
        }
        if (signingKey is not null)
        {
            environment["PreferenceCenter__SigningKeys__0__Id"] = "7";
            environment["PreferenceCenter__SigningKeys__0__Secret"] = signingKey;
        }
        var host = new HostProcess(environment, FreePort());
        await host.StartAsync();
        return host;
    }

    /// <summary>Starts that exited before they became healthy (each retried; reported by the tests).</summary>
    public List<string> FailedStarts { get; } = [];

    /// <summary>
    /// Starts (or restarts) the process and waits until <c>/healthz</c> answers 200. A process that exits before it
    /// is healthy is started again (at most three times) and its output kept in <see cref="FailedStarts"/>.
    /// </summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.StartsWith("The host exited", StringComparison.Ordinal))
            {
                FailedStarts.Add(e.Message);
                lock (_output) _output.Clear();
            }
        }
    }

    private async Task StartOnceAsync()
    {
        var dll = HostDll();
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The reference host was not built: {dll} is missing (dotnet build src/Host).");
        var start = AppProcessStart.For(dll, BaseAddress.GetLeftPart(UriPartial.Authority), _environment);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitForHealthAsync(process);
    }

    /// <summary>SIGKILL: the process gets no chance to flush or finish anything.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
            Kills++;
        }
    }

    /// <summary>A client without cookies or redirects.</summary>
    public HttpClient Client(bool withKey = false)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (withKey) client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>The host's console output so far.</summary>
    public string Output()
    {
        lock (_output) return string.Join('\n', _output.TakeLast(200));
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private async Task WaitForHealthAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        // A start-up guard, not an assertion on time: a host that never becomes healthy fails with its output.
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The host exited with code {process.ExitCode} before /healthz answered:\n{Output()}");
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The host did not become healthy at {BaseAddress}:\n{Output()}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is { } p)
        {
            try
            {
                if (!p.HasExited)
                {
                    p.Kill(entireProcessTree: true);
                    await p.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
            }
            p.Dispose();
        }
    }
}
