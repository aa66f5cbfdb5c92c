using Bunit;
using PreferenceUiKit.Host.Admin.Pages;
using PreferenceUiKit.Host.Tests.Admin.Support;

namespace PreferenceUiKit.Host.Tests.Admin;

public class GroupsPageTests
{
    [Fact]
    public async Task A_duplicate_name_shows_the_error_next_to_the_name_and_creates_nothing()
    {
        await using var admin = new AdminHarness();
        await admin.AddGroupAsync("Newsletter", 0);
        var page = admin.RenderPage<GroupsPage>();

        page.Find("input[data-testid=group-name]").Input("  NEWSLETTER ");
        page.Find("button[data-testid=group-save]").Click();

        var nameField = page.Find("input[data-testid=group-name]").Closest(".mud-input-control")!;
        Assert.Contains("A subscription group with this name already exists.", nameField.TextContent);
        var descriptionField = page.Find("textarea[data-testid=group-description]").Closest(".mud-input-control")!;
        Assert.DoesNotContain("already exists", descriptionField.TextContent);
        Assert.Single(await admin.Store.ListGroupsAsync(includeArchived: true));
    }

    [Fact]
    public async Task Creating_a_group_previews_its_markdown_safely_and_lists_it_last()
    {
        await using var admin = new AdminHarness();
        await admin.AddGroupAsync("Newsletter", 0);
        var page = admin.RenderPage<GroupsPage>();

        page.Find("input[data-testid=group-name]").Input("Offers");
        page.Find("textarea[data-testid=group-description]").Input("Our **best** deals. [x](javascript:alert(1))");
        var preview = page.Find("[data-testid=group-description-preview]");
        Assert.Equal("best", preview.QuerySelector("strong")?.TextContent);
        Assert.Empty(preview.QuerySelectorAll("a"));
        AdminHarness.InputOf(page, "group-optin").Change(true);
        page.Find("button[data-testid=group-save]").Click();

        var groups = await admin.Store.ListGroupsAsync();
        Assert.Equal(["Newsletter", "Offers"], groups.Select(g => g.Name));
        Assert.True(groups[1].OptIn);
        Assert.Equal("Our **best** deals. [x](javascript:alert(1))", groups[1].Description);
        Assert.Equal(["Newsletter", "Offers"], page.FindAll("[data-testid=group-row-name]").Select(td => td.TextContent.Trim()));
        Assert.Equal("Group “Offers” created.", page.Find("[data-testid=group-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Moving_a_group_down_swaps_it_with_the_next_one()
    {
        await using var admin = new AdminHarness();
        var a = await admin.AddGroupAsync("Alpha", 0);
        await admin.AddGroupAsync("Beta", 1);
        await admin.AddGroupAsync("Gamma", 2);
        var page = admin.RenderPage<GroupsPage>();

        page.Find($"button[data-testid=group-down-{a.Id}]").Click();

        Assert.Equal(["Beta", "Alpha", "Gamma"], (await admin.Store.ListGroupsAsync()).Select(g => g.Name));
        Assert.Equal(["Beta", "Alpha", "Gamma"], page.FindAll("[data-testid=group-row-name]").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Archiving_hides_the_group_from_recipients_and_unarchiving_brings_it_back()
    {
        await using var admin = new AdminHarness();
        var group = await admin.AddGroupAsync("Events", 0);
        var page = admin.RenderPage<GroupsPage>();

        page.Find($"button[data-testid=group-archive-{group.Id}]").Click();
        Assert.Empty(await admin.Store.ListGroupsAsync());
        Assert.Contains("Unarchive", page.Find($"button[data-testid=group-archive-{group.Id}]").TextContent);

        page.Find($"button[data-testid=group-archive-{group.Id}]").Click();
        Assert.Single(await admin.Store.ListGroupsAsync());
    }

    [Fact]
    public async Task Renaming_a_group_keeps_its_id()
    {
        await using var admin = new AdminHarness();
        var group = await admin.AddGroupAsync("Newsleter", 0);
        var page = admin.RenderPage<GroupsPage>();

        page.Find($"button[data-testid=group-edit-{group.Id}]").Click();
        page.Find("input[data-testid=group-name]").Input("Newsletter");
        page.Find("button[data-testid=group-save]").Click();

        Assert.Equal("Newsletter", (await admin.Store.GetGroupAsync(group.Id))!.Name);
    }
}
