using Bunit;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class SettingsPageTests
{
    [Fact]
    public async Task A_javascript_custom_url_is_refused_next_to_the_field_and_nothing_is_saved()
    {
        await using var admin = new AdminHarness();
        var saved = new ProviderSettings(PreferenceCenterMode.CustomUrl, new Uri("https://prefs.example.com/center"));
        await admin.Store.SaveSettingsAsync(saved);
        var page = admin.RenderPage<SettingsPage>();

        page.Find("input[data-testid=settings-custom-url]").Input("javascript:alert(1)");
        page.Find("button[data-testid=settings-save]").Click();

        var field = page.Find("input[data-testid=settings-custom-url]").Closest(".mud-input-control")!;
        Assert.Contains("Enter an absolute https:// address", field.TextContent);
        Assert.Contains("mud-input-error", field.InnerHtml);
        Assert.Equal(saved, await admin.Store.GetSettingsAsync());
        Assert.Equal("", page.Find("[data-testid=settings-status]").TextContent.Trim());
    }

    [Fact]
    public async Task An_https_custom_url_is_saved()
    {
        await using var admin = new AdminHarness();
        await admin.Store.SaveSettingsAsync(new ProviderSettings(PreferenceCenterMode.CustomUrl, new Uri("https://prefs.example.com/center")));
        var page = admin.RenderPage<SettingsPage>();

        page.Find("input[data-testid=settings-custom-url]").Input("https://www.example.org/my-preferences");
        page.Find("button[data-testid=settings-save]").Click();

        Assert.Equal(new Uri("https://www.example.org/my-preferences"), (await admin.Store.GetSettingsAsync()).CustomUrl);
        Assert.Equal("Settings saved.", page.Find("[data-testid=settings-status]").TextContent.Trim());
    }

    [Fact]
    public async Task System_mode_previews_the_hosted_page_in_a_popup()
    {
        await using var admin = new AdminHarness("fr");
        var page = admin.RenderPage<SettingsPage>();
        Assert.Empty(page.FindAll("iframe"));

        page.Find("button[data-testid=settings-preview]").Click();

        var frame = page.WaitForElement("iframe[data-testid=preview-frame]");
        Assert.Equal("/admin/preview/preferences", frame.GetAttribute("src"));
        Assert.Equal("Page Gérer les préférences e-mail avec des groupes d'exemple", frame.GetAttribute("title"));
    }
}
