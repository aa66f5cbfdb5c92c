using System.Diagnostics;

namespace PreferenceUiKit.Tests.Shared;

/// <summary>How the test suites start a built ASP.NET Core app (the reference host, the editor test app) as its own process.</summary>
internal static class AppProcessStart
{
    /// <summary>
    /// <c>dotnet {dll} --urls {urls}</c> from the dll's folder (which holds appsettings.json and the static web assets
    /// manifest), output redirected so failures can show it.
    /// </summary>
    public static ProcessStartInfo For(string dll, string urls, IEnumerable<KeyValuePair<string, string>>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(urls);
        foreach (var (k, v) in environment ?? []) start.Environment[k] = v;
        return start;
    }
}
