using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.Testing;

/// <summary>
/// The Group Unsubscribe page (<c>{prefix}/unsubscribe/{token}</c>), its result page and Resubscribe, for a host app's
/// own Playwright suite.
/// </summary>
public sealed class GroupUnsubscribePageObject
{
    /// <summary>Wraps a page that shows (or will show) Group Unsubscribe.</summary>
    /// <param name="page">The Playwright page.</param>
    public GroupUnsubscribePageObject(IPage page) => Page = page ?? throw new ArgumentNullException(nameof(page));

    /// <summary>The Playwright page.</summary>
    public IPage Page { get; }

    /// <summary>The confirm button.</summary>
    public ILocator ConfirmButton => Page.GetByTestId(RecipientTestIds.ConfirmUnsubscribe);

    /// <summary>The Resubscribe button (result page, after leaving all email).</summary>
    public ILocator ResubscribeButton => Page.GetByTestId(RecipientTestIds.Resubscribe);

    /// <summary>The result on the done and resubscribed pages.</summary>
    public ILocator ResultMessage => Page.GetByTestId(RecipientTestIds.ResultMessage);

    /// <summary>The link to Manage Email Preferences (absent when no group is configured).</summary>
    public ILocator ManagePreferencesLink => Page.GetByTestId(RecipientTestIds.ManagePreferencesLink);

    /// <summary>The test-link banner (visible only for links from a test send).</summary>
    public ILocator TestBanner => Page.GetByTestId(RecipientTestIds.TestBanner);

    /// <summary>Opens a Group Unsubscribe link and waits until its confirm button is visible. Opening changes nothing.</summary>
    /// <param name="url">The link from the email.</param>
    public async Task<GroupUnsubscribePageObject> OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await Expect(ConfirmButton).ToBeVisibleAsync();
        return this;
    }

    /// <summary>The names of the groups this link leaves (or left, on the result page); empty when it leaves all email.</summary>
    public async Task<IReadOnlyList<string>> GroupsToLeaveAsync()
    {
        var list = Page.GetByTestId(RecipientTestIds.GroupsToLeave);
        if (await list.CountAsync() == 0) return [];
        return (await list.Locator("li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    /// <summary>Whether the page says the link leaves (or left) all email.</summary>
    public async Task<bool> LeavesAllEmailAsync() => await Page.GetByTestId(RecipientTestIds.LeaveAllEmail).CountAsync() > 0;

    /// <summary>The group names a test link lists (S6); empty for a real link.</summary>
    public async Task<IReadOnlyList<string>> TestGroupListAsync()
    {
        var list = Page.GetByTestId(RecipientTestIds.TestGroupList);
        if (await list.CountAsync() == 0) return [];
        return (await list.Locator("li").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
    }

    /// <summary>Confirms the unsubscribe and waits for the result page (<c>…/done</c>).</summary>
    public async Task ConfirmAsync()
    {
        await ConfirmButton.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/done$"));
        await Expect(ResultMessage).ToBeVisibleAsync();
    }

    /// <summary>On the result page, clicks Resubscribe and waits for <em>You are subscribed again</em>.</summary>
    public async Task ResubscribeAsync()
    {
        await ResubscribeButton.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/resubscribe/[^/]+/done$"));
        await Expect(ResultMessage).ToBeVisibleAsync();
    }

    /// <summary>Follows the Manage Email Preferences link and returns that page's object.</summary>
    public async Task<PreferencesPageObject> ManagePreferencesAsync()
    {
        await ManagePreferencesLink.ClickAsync();
        var preferences = new PreferencesPageObject(Page);
        await Expect(preferences.SaveButton).ToBeVisibleAsync();
        return preferences;
    }
}
