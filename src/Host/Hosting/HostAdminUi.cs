namespace PreferenceUiKit.Host.Hosting;

/// <summary>Maps the interactive admin pages.</summary>
public static class HostAdminUi
{
    /// <summary>Maps the admin components (interactive server rendering).</summary>
    public static void Map(WebApplication app)
    {
        // Wired once the admin root component exists.
    }
}
