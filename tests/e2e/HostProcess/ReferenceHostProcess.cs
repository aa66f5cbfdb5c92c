using PreferenceUiKit.Tests.Shared;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace PreferenceUiKit.EndToEnd.Tests.HostProcess;

/// <summary>
/// The reference host (src/Host) started as its own process, the way a person runs it: the built app with
/// <c>--urls http://127.0.0.1:{free port}</c>, a fresh folder for the SQLite database and the mail pickup folder, and
/// the admin sign-in and API key set through environment variables. Ready once <c>/healthz</c> answers; disposing
/// kills the whole process tree and deletes the folder.
/// </summary>
public sealed class ReferenceHostProcess : IAsyncDisposable
{
    /// <summary>Admin sign-in email given to the host.</summary>
    public const string AdminEmail = "e2e-admin@example.com";
    /// <summary>Admin password given to the host.</summary>
    public const string AdminPassword = "e2e-password-Secret1";
    /// <summary>API key given to the host.</summary>
    public const string ApiKey = "e2e-api-key-0123456789";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private ReferenceHostProcess(Process process, Uri baseAddress, string folder)
    {
        _process = process;
        BaseAddress = baseAddress;
        Folder = folder;
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseAddress { get; }
    /// <summary>The temporary folder holding the database and the mail.</summary>
    public string Folder { get; }
    /// <summary>Where the host writes each sent message as an <c>.eml</c> file.</summary>
    public string MailFolder => Path.Combine(Folder, "mail");

    /// <summary>The host's console output so far (stdout and stderr).</summary>
    public IReadOnlyList<string> Output()
    {
        lock (_output) return _output.ToList();
    }

    /// <summary>The built host, from the assembly metadata the test project writes at build time.</summary>
    public static string HostDll() => typeof(ReferenceHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ReferenceHost").Value!;

    /// <summary>Starts the host on a free port and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<ReferenceHostProcess> StartAsync()
    {
        var dll = HostDll();
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The reference host was not built: {dll} is missing (dotnet build src/Host -c Release).");
        var folder = Directory.CreateTempSubdirectory("preferenceuikit-e2e-").FullName;
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");

        var start = AppProcessStart.For(dll, $"http://127.0.0.1:{port}");
        // Development, as `dotnet run --project src/Host` gives: static assets of the packages come from the build.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Preferences"] = $"Data Source={Path.Combine(folder, "preferences.db")}";
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Mail__Delivery"] = "Pickup";
        start.Environment["Mail__PickupDirectory"] = Path.Combine(folder, "mail");
        start.Environment["Admin__Email"] = AdminEmail;
        start.Environment["Admin__Password"] = AdminPassword;
        start.Environment["Admin__ApiKey"] = ApiKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var host = new ReferenceHostProcess(process, baseAddress, folder);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitForHealthAsync();
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
    }

    private async Task WaitForHealthAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        // A start-up guard, not an assertion: a host that never becomes healthy fails with its output.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The reference host exited with code {_process.ExitCode} before /healthz answered. Its output:\n" + string.Join('\n', Output()));
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow start on a busy machine
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The reference host did not answer {BaseAddress}healthz within 2 minutes. Its output:\n" + string.Join('\n', Output()));
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the whole process tree and deletes the folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
