using Microsoft.Extensions.Options;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Host.Api;

namespace PreferenceUiKit.Host.Hosting;

/// <summary>What the host does once before it serves: the demo in Development, and the console welcome.</summary>
public static class HostStartup
{
    /// <summary>Seeds the demo on an empty database in Development and prints the sign-in and sample links once listening.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PreferenceUiKit.Host");
        var admin = app.Services.GetRequiredService<IOptions<AdminOptions>>().Value;
        if (string.IsNullOrEmpty(admin.Password))
            logger.LogWarning("No Admin:Password is configured: the admin sign-in is disabled.");
        if (string.IsNullOrEmpty(admin.ApiKey))
            logger.LogWarning("No Admin:ApiKey is configured: the admin API refuses every call.");
        if (!app.Environment.IsDevelopment()) return;

        var store = app.Services.GetRequiredService<IPreferenceStore>();
        if (await DemoData.SeedIfEmptyAsync(store))
            logger.LogInformation("Seeded the demo data (three groups, four contacts, two campaigns).");

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, admin));
    }

    private static void PrintWelcome(WebApplication app, AdminOptions admin)
    {
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IPreferenceStore>();
        var links = scope.ServiceProvider.GetRequiredService<PreferenceLinkBuilder>();
        var contact = store.FindContactByEmailAsync(DemoData.SampleEmail).GetAwaiter().GetResult();
        var campaigns = store.ListCampaignsAsync().GetAwaiter().GetResult();
        var withGroups = campaigns.FirstOrDefault(c => c.GroupIds.Count > 0);
        var withoutGroups = campaigns.FirstOrDefault(c => c.GroupIds.Count == 0);
        Console.WriteLine($"""

            PreferenceUiKit is running: {links.Urls.Base}/admin
              Admin sign-in: {admin.Email} / {admin.Password}
              Admin API key (X-Api-Key): {admin.ApiKey}
            """);
        if (contact is null) return;
        var settings = ProviderSettings.Default;
        string Link(LinkKind kind, Campaign? campaign, bool test = false) => links.BuildUrl(settings, kind, contact.Id, campaign?.Id, test)!;
        Console.WriteLine($"""
            Sample links for {contact.Email}:
              Manage Email Preferences:                  {Link(LinkKind.ManagePreferences, withGroups)}
              Group Unsubscribe (campaign with groups):  {Link(LinkKind.GroupUnsubscribe, withGroups)}
              Group Unsubscribe (campaign, no groups):   {Link(LinkKind.GroupUnsubscribe, withoutGroups)}
              Manage Email Preferences (test send):      {Link(LinkKind.ManagePreferences, withGroups, test: true)}
              Group Unsubscribe (test send):             {Link(LinkKind.GroupUnsubscribe, withGroups, test: true)}

            """);
    }
}
