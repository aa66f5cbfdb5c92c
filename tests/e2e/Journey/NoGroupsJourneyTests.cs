using Microsoft.Playwright;
using PreferenceUiKit.EndToEnd.Tests.HostProcess;
using PreferenceUiKit.Testing;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>A host without subscription groups (every group archived): S5 and S9, on its own host process.</summary>
public sealed class NoGroupsJourneyTests(JourneyHost host) : IClassFixture<JourneyHost>, IAsyncLifetime
{
    private const string UnsubscribeOnly = """<html><body><p>Service notice.</p><a href="*|CT_GROUP_UNSUBSCRIBE|*">Unsubscribe</a></body></html>""";

    /// <summary>Archives every group (the demo's included), so none is configured.</summary>
    public async Task InitializeAsync()
    {
        foreach (var group in await host.Api.GroupsAsync())
            await host.Api.ArchiveGroupAsync(group!["id"]!.GetValue<string>());
        Assert.Empty(await host.Api.GroupsAsync());
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task S9_a_preferences_link_without_groups_is_refused_with_a_clear_message()
    {
        using var response = await host.Api.PostCampaignAsync("No groups",
            [], """<a href="*|CT_MANAGE_PREFERENCES|*">Manage</a> <a href="*|CT_GROUP_UNSUBSCRIBE|*">Unsubscribe</a>""");
        Assert.Equal(400, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("findings", body);
        Assert.Contains("CT_MANAGE_PREFERENCES", body);
    }

    [Fact]
    public async Task S9_the_admin_editor_shows_the_linter_refusing_a_preferences_link_and_saves_nothing()
    {
        var name = $"Refused {Guid.NewGuid():N}";
        await using var context = await host.NewContextAsync(width: 1280, height: 1000);
        var page = await context.NewPageAsync();
        ILocator Field(string testId, string element = "input") =>
            page.Locator($"{element}[data-testid='{testId}'], [data-testid='{testId}'] {element}").First;
        await page.StepAsync("sign in", async () =>
        {
            await page.GotoAsync("admin/signin?returnUrl=%2Fadmin%2Fcampaigns%2Fnew");
            await page.GetByTestId("signin-email").FillAsync(ReferenceHostProcess.AdminEmail);
            await page.GetByTestId("signin-password").FillAsync(ReferenceHostProcess.AdminPassword);
            await page.GetByTestId("signin-password").PressAsync("Enter");
            await Expect(page.GetByTestId("campaign-no-groups")).ToBeVisibleAsync();
            // The page is prerendered; once the circuit runs, the router focuses the h1 (FocusOnNavigate).
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
        });
        await page.StepAsync("a preferences link without groups is refused with its position", async () =>
        {
            await Field("campaign-name").FillAsync(name);
            await Field("campaign-html", "textarea").FillAsync(
                "<p>Hello</p>\n<a href=\"*|CT_MANAGE_PREFERENCES|*\">Manage</a> <a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">Unsubscribe</a>");
            await page.GetByTestId("campaign-check").ClickAsync();
            var finding = page.Locator("[data-testid='lint-finding'][data-code='manage_link_without_groups']");
            await Expect(finding).ToBeVisibleAsync();
            await Expect(finding).ToHaveAttributeAsync("data-line", "2");
            await page.GetByTestId("campaign-save").ClickAsync();
            await Expect(page.GetByTestId("campaign-save-error")).ToBeVisibleAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/campaigns/new$"));
        });
        Assert.DoesNotContain(await host.Api.CampaignsAsync(), c => c!["name"]!.GetValue<string>() == name);
    }

    [Fact]
    public async Task S5_group_unsubscribe_without_groups_leaves_all_email_and_offers_resubscribe()
    {
        var email = JourneyHost.NewEmail("s5");
        var contactId = await host.Api.CreateContactAsync(email);
        var subject = $"Notice {Guid.NewGuid():N}";
        await host.Api.SendAsync(await host.Api.CreateCampaignAsync(subject, subject, [], UnsubscribeOnly));
        var mail = host.Mail.Single(email, subject);

        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(page);
        await page.StepAsync("open and confirm", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            Assert.True(await unsubscribe.LeavesAllEmailAsync());
            await Expect(unsubscribe.ManagePreferencesLink).ToHaveCountAsync(0);
            await unsubscribe.ConfirmAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(Language.All["en"].UnsubscribedTitle);
            await Expect(unsubscribe.ResubscribeButton).ToBeVisibleAsync();
            await Expect(unsubscribe.ManagePreferencesLink).ToHaveCountAsync(0);
        });
        Assert.False((await host.Api.PreferencesAsync(contactId))["allCommunication"]!.GetValue<bool>());

        await page.StepAsync("resubscribe", async () =>
        {
            await unsubscribe.ResubscribeAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(Language.All["en"].ResubscribedTitle);
        });
        Assert.True((await host.Api.PreferencesAsync(contactId))["allCommunication"]!.GetValue<bool>());
    }
}
