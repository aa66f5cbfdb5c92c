using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using PreferenceUiKit.Host.Admin;
using PreferenceUiKit.Host.Api;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class AdminRoutesTests
{
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    [Fact]
    public async Task A_visitor_without_the_admin_sign_in_is_sent_to_the_sign_in_page_and_back()
    {
        await using var admin = new AdminHarness();
        admin.AddAuthorization();
        var navigation = admin.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/groups?tab=1");

        admin.Render<AdminRoutes>();

        Assert.Equal("http://localhost/admin/signin?returnUrl=%2Fadmin%2Fgroups%3Ftab%3D1", navigation.Uri);
    }

    [Fact]
    public async Task A_signed_in_admin_sees_the_page_in_the_admin_layout_with_a_sign_out_form()
    {
        await using var admin = new AdminHarness();
        admin.Services.AddSingleton<AntiforgeryStateProvider>(new TestAntiforgery());
        admin.AddAuthorization().SetAuthorized("admin@example.com").SetRoles(AdminOptions.Role).SetPolicies(AdminOptions.Policy);
        await admin.AddGroupAsync("Newsletter", 0);
        admin.Services.GetRequiredService<NavigationManager>().NavigateTo("/admin/groups");

        var app = admin.Render<AdminRoutes>();

        Assert.Equal("Subscription groups", app.Find("h1").TextContent.Trim());
        Assert.Equal(["Newsletter"], app.FindAll("[data-testid=group-row-name]").Select(td => td.TextContent.Trim()));
        Assert.Equal(["/admin", "/admin/settings", "/admin/groups", "/admin/contacts", "/admin/campaigns"],
            app.FindAll("a[data-testid^=nav-]").Select(a => a.GetAttribute("href")));
        var signOut = app.Find("form[data-testid=signout-form]");
        Assert.Equal("/admin/signout", signOut.GetAttribute("action"));
        Assert.Equal("test-token", signOut.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value"));
    }
}
