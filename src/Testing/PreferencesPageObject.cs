using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.Testing;

/// <summary>
/// The Manage Email Preferences page (<c>{prefix}/preferences/{token}</c>) and its success page, for a host app's own
/// Playwright suite. Works with and without JavaScript: every action is a real click on the page's native controls.
/// </summary>
public sealed class PreferencesPageObject
{
    /// <summary>Wraps a page that shows (or will show) Manage Email Preferences.</summary>
    /// <param name="page">The Playwright page.</param>
    public PreferencesPageObject(IPage page) => Page = page ?? throw new ArgumentNullException(nameof(page));

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>The <em>All communication</em> switch.</summary>
    public ILocator AllCommunicationSwitch => Page.GetByTestId(RecipientTestIds.AllCommunication);

    /// <summary>The Save button.</summary>
    public ILocator SaveButton => Page.GetByTestId(RecipientTestIds.Save);

    /// <summary>Every group switch on the page, in page order.</summary>
    public ILocator GroupSwitches => Page.Locator($"[data-testid^='{RecipientTestIds.GroupTogglePrefix}']");

    /// <summary>The test-link banner (visible only for links from a test send).</summary>
    public ILocator TestBanner => Page.GetByTestId(RecipientTestIds.TestBanner);

    /// <summary>The result on the success page.</summary>
    public ILocator ResultMessage => Page.GetByTestId(RecipientTestIds.ResultMessage);

    /// <summary>Opens a Manage Email Preferences link and waits until its Save button is visible.</summary>
    /// <param name="url">The link from the email.</param>
    public async Task<PreferencesPageObject> OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await Expect(SaveButton).ToBeVisibleAsync();
        return this;
    }

    /// <summary>A group's switch by its id (<c>data-testid="group-toggle-{id}"</c>).</summary>
    /// <param name="groupId">The group id.</param>
    public ILocator GroupById(string groupId) => Page.GetByTestId(RecipientTestIds.GroupToggle(groupId));

    /// <summary>A group's switch by its name as created (the switch's accessible name, exact match).</summary>
    /// <param name="groupName">The group name.</param>
    public ILocator GroupByName(string groupName) =>
        GroupSwitches.And(Page.GetByRole(AriaRole.Switch, new() { Name = groupName, Exact = true }));

    /// <summary>Whether the group with this id is switched on.</summary>
    /// <param name="groupId">The group id.</param>
    public Task<bool> IsGroupOnAsync(string groupId) => GroupById(groupId).IsCheckedAsync();

    /// <summary>Whether the group with this name is switched on.</summary>
    /// <param name="groupName">The group name.</param>
    public Task<bool> IsGroupOnByNameAsync(string groupName) => GroupByName(groupName).IsCheckedAsync();

    /// <summary>Whether <em>All communication</em> is on.</summary>
    public Task<bool> IsAllCommunicationOnAsync() => AllCommunicationSwitch.IsCheckedAsync();

    /// <summary>Switches a group on or off by its id.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="on">The wanted state.</param>
    public Task SetGroupAsync(string groupId, bool on) => GroupById(groupId).SetCheckedAsync(on);

    /// <summary>Switches a group on or off by its name.</summary>
    /// <param name="groupName">The group name.</param>
    /// <param name="on">The wanted state.</param>
    public Task SetGroupByNameAsync(string groupName, bool on) => GroupByName(groupName).SetCheckedAsync(on);

    /// <summary>Switches <em>All communication</em> on or off. With JavaScript the groups follow at once; without it the server applies the rule on save.</summary>
    /// <param name="on">The wanted state.</param>
    public Task SetAllCommunicationAsync(bool on) => AllCommunicationSwitch.SetCheckedAsync(on);

    /// <summary>Clicks Save and waits for the navigation to the next page.</summary>
    public async Task SaveAsync()
    {
        var before = Page.Url;
        await SaveButton.ClickAsync();
        await Page.WaitForURLAsync(url => url != before);
    }

    /// <summary>Asserts the success page: its URL ends with <c>/saved</c> and its result is visible.</summary>
    public async Task ExpectSavedAsync()
    {
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/saved$"));
        await Expect(ResultMessage).ToBeVisibleAsync();
    }

    /// <summary>Saves and asserts the success page.</summary>
    public async Task SaveAndExpectSavedAsync()
    {
        await SaveAsync();
        await ExpectSavedAsync();
    }

    /// <summary>From the success page, follows the link back to Manage Email Preferences.</summary>
    public async Task BackToPreferencesAsync()
    {
        await Page.GetByTestId(RecipientTestIds.ManagePreferencesLink).ClickAsync();
        await Expect(SaveButton).ToBeVisibleAsync();
    }
}
