namespace PreferenceUiKit.Host.Hosting;

/// <summary>Defaults derived from how the host was started.</summary>
public static class PublicAddress
{
    /// <summary>
    /// The origin put into links when <c>PreferenceCenter:PublicBaseUrl</c> is not set: the first address the host
    /// listens on (<c>--urls</c> / <c>ASPNETCORE_URLS</c>), with wildcard hosts read as localhost.
    /// </summary>
    public static string PublicBaseUrl(IConfiguration config)
    {
        var urls = config["urls"] ?? config["ASPNETCORE_URLS"] ?? config["URLS"] ?? "http://localhost:5080";
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://localhost:5080";
        first = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(first, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : "http://localhost:5080";
    }
}
