using PreferenceUiKit.Host.Admin;

namespace PreferenceUiKit.Host.Hosting;

/// <summary>Maps the interactive admin pages.</summary>
public static class HostAdminUi
{
    /// <summary>Maps every <c>@page</c> of the host (the admin pages, all behind the admin sign-in) with interactive server rendering.</summary>
    public static void Map(WebApplication app)
        => app.MapRazorComponents<AdminApp>().AddInteractiveServerRenderMode();
}
