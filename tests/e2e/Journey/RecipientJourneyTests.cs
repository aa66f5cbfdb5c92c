using Microsoft.Playwright;
using PreferenceUiKit.EndToEnd.Tests.HostProcess;
using PreferenceUiKit.Testing;
using static Microsoft.Playwright.Assertions;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>
/// The whole journey on one real host process: a designer sets up groups, contacts and campaigns through the admin
/// API and sends them; the recipient opens the links of the <c>.eml</c> files in Debian Chromium.
/// </summary>
public sealed class RecipientJourneyTests(JourneyHost host) : IClassFixture<JourneyHost>
{
    /// <summary>Both special links (S12), as a designer writes them in a raw-HTML template.</summary>
    private const string Html = """
        <html><body><h1>Spring is here</h1><p>Our new collection has arrived.</p>
        <p><a href="*|CT_MANAGE_PREFERENCES|*">Manage My Preferences</a> · <a href="*|CT_GROUP_UNSUBSCRIBE|*">Unsubscribe</a></p>
        </body></html>
        """;

    private AdminApi Api => host.Api;

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..8]}";

    private async Task<(string Id, string Name)> NewGroupAsync(string name)
    {
        var unique = Unique(name);
        return (await Api.CreateGroupAsync(unique, $"All about **{name}**."), unique);
    }

    /// <summary>Creates a contact and a campaign, sends it (to everyone) and returns the contact's message.</summary>
    private async Task<(string ContactId, SentMail Mail)> SendToNewContactAsync(string who, IEnumerable<string> groupIds, string locale = "en")
    {
        var email = JourneyHost.NewEmail(who);
        var contactId = await Api.CreateContactAsync(email, locale);
        var subject = Unique("Spring");
        var campaignId = await Api.CreateCampaignAsync(subject, subject, groupIds, Html);
        var result = await Api.SendAsync(campaignId);
        Assert.True(result["sent"]!.GetValue<int>() >= 1, $"The send reached nobody: {result.ToJsonString()}");
        return (contactId, host.Mail.Single(email, subject));
    }

    /// <summary>Creates a designer contact and a campaign, sends a test to the designer and returns that message.</summary>
    private async Task<(string DesignerId, SentMail Mail)> SendTestToDesignerAsync(IEnumerable<string> groupIds)
    {
        var email = JourneyHost.NewEmail("designer");
        var designerId = await Api.CreateContactAsync(email);
        var subject = Unique("Preview");
        var campaignId = await Api.CreateCampaignAsync(subject, subject, groupIds, Html);
        await Api.SendTestAsync(campaignId, email);
        var mail = host.Mail.Single(email, subject);
        Assert.StartsWith("[Test] ", mail.Message.Subject, StringComparison.Ordinal);
        return (designerId, mail);
    }

    private async Task AssertNothingSavedAsync(string contactId, string before)
    {
        var after = (await Api.PreferencesAsync(contactId)).ToJsonString();
        Assert.Equal(before, after);
        Assert.Empty(await Api.LedgerAsync(contactId));
        Assert.Empty(await Api.EventsAsync(contactId));
    }

    [Theory]
    [MemberData(nameof(Language.Codes), MemberType = typeof(Language))]
    public async Task Recipient_opens_the_email_in_their_language_changes_groups_turns_all_communication_off_and_saves(string code)
    {
        var language = Language.All[code];
        var (news, newsName) = await NewGroupAsync("News");
        var (offers, offersName) = await NewGroupAsync("Offers");
        var (contactId, mail) = await SendToNewContactAsync("reader-" + code, [news, offers], code);
        Assert.NotNull(mail.ListUnsubscribeUrl);

        await using var context = await host.NewContextAsync(language.Locale);
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);

        await page.StepAsync($"open the preferences link in {code}", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Lang);
            await Expect(page.Locator("h1")).ToHaveTextAsync(language.ManageTitle);
            await Expect(preferences.GroupByName(newsName)).ToBeCheckedAsync();
            await Expect(preferences.GroupById(offers)).ToBeCheckedAsync();
            await Expect(preferences.AllCommunicationSwitch).ToBeCheckedAsync();
        });

        await page.StepAsync("switch one group off", async () =>
        {
            await preferences.SetGroupByNameAsync(offersName, false);
            await Expect(preferences.GroupById(offers)).Not.ToBeCheckedAsync();
            await Expect(preferences.GroupById(news)).ToBeCheckedAsync();
            await Expect(preferences.AllCommunicationSwitch).ToBeCheckedAsync();
        });

        await page.StepAsync("All communication off: every group follows", async () =>
        {
            await preferences.SetAllCommunicationAsync(false);
            var count = await preferences.GroupSwitches.CountAsync();
            Assert.True(count >= 2);
            for (var i = 0; i < count; i++) await Expect(preferences.GroupSwitches.Nth(i)).Not.ToBeCheckedAsync();
        });

        await page.StepAsync("save and land on the success page", async () =>
        {
            await preferences.SaveAndExpectSavedAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(language.SavedTitle);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language.Lang);
        });

        var saved = await Api.PreferencesAsync(contactId);
        Assert.False(saved["allCommunication"]!.GetValue<bool>());
        Assert.All(saved["groups"]!.AsArray(), g => Assert.False(g!["subscribed"]!.GetValue<bool>()));
        var events = await Api.EventsAsync(contactId);
        var properties = Assert.Single(events)!["properties"]!;
        Assert.Equal("PreferencePage", properties["source"]!.GetValue<string>());
        Assert.Equal(code, properties["locale"]!.GetValue<string>()[..2]);

        await page.StepAsync("go back to the preferences", async () =>
        {
            await preferences.BackToPreferencesAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(language.ManageTitle);
            await Expect(preferences.AllCommunicationSwitch).Not.ToBeCheckedAsync();
            await Expect(preferences.GroupById(news)).Not.ToBeCheckedAsync();
        });
    }

    /// <summary>The input inside a MudBlazor field carrying a data-testid (on the input itself or on its wrapper).</summary>
    private static ILocator Field(IPage page, string testId, string element = "input") =>
        page.Locator($"{element}[data-testid='{testId}'], [data-testid='{testId}'] {element}").First;

    /// <summary>Signs in through the form and lands on a new campaign.</summary>
    private static async Task SignInToNewCampaignAsync(IPage page)
    {
        await page.GotoAsync("admin/signin?returnUrl=%2Fadmin%2Fcampaigns%2Fnew");
        await page.GetByTestId("signin-email").FillAsync(ReferenceHostProcess.AdminEmail);
        await page.GetByTestId("signin-password").FillAsync(ReferenceHostProcess.AdminPassword);
        await page.GetByTestId("signin-password").PressAsync("Enter");
        await Expect(Field(page, "campaign-html", "textarea")).ToBeVisibleAsync();
    }

    /// <summary>Sends the saved campaign from its page and waits for the summary.</summary>
    private static async Task SendFromThePageAsync(IPage page)
    {
        await page.GetByTestId("campaign-send").ClickAsync();
        await page.GetByTestId("campaign-send-confirm").ClickAsync();
        await Expect(page.GetByTestId("send-summary")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Designer_writes_a_raw_HTML_campaign_in_the_admin_editor_with_both_special_links_then_sends_a_test_and_the_campaign()
    {
        var (news, newsName) = await NewGroupAsync("News");
        var email = JourneyHost.NewEmail("designed-for");
        var contactId = await Api.CreateContactAsync(email);
        var designer = JourneyHost.NewEmail("designer");
        var subject = Unique("Designed");

        await using var context = await host.NewContextAsync(width: 1280, height: 1000);
        var page = await context.NewPageAsync();
        await page.StepAsync("sign in", async () =>
        {
            await SignInToNewCampaignAsync(page);
            // The page is prerendered; once the circuit runs, the router focuses the h1 (FocusOnNavigate).
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
        });
        await page.StepAsync("write the campaign, check it and save", async () =>
        {
            await Field(page, "campaign-name").FillAsync(subject);
            await Field(page, "campaign-subject").FillAsync(subject);
            await Field(page, $"campaign-group-{news}").CheckAsync();
            await Field(page, "campaign-html", "textarea").FillAsync(Html);
            await page.GetByTestId("campaign-check").ClickAsync();
            await Expect(page.GetByTestId("lint-clean")).ToBeVisibleAsync();
            await page.GetByTestId("campaign-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/campaigns/[0-9a-f-]{36}$"));
        });
        await page.StepAsync("send a test", async () =>
        {
            await Field(page, "campaign-test-email").FillAsync(designer);
            await page.GetByTestId("campaign-send-test").ClickAsync();
            await Expect(page.GetByTestId("campaign-test-status")).ToContainTextAsync(designer);
        });
        Assert.StartsWith("[Test] ", host.Mail.Single(designer, subject).Message.Subject, StringComparison.Ordinal);
        await page.StepAsync("send the campaign", async () =>
        {
            await SendFromThePageAsync(page);
        });

        var mail = host.Mail.Single(email, subject);
        var recipientPage = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(recipientPage);
        await recipientPage.StepAsync("the recipient leaves the campaign's group", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            Assert.Equal([newsName], await unsubscribe.GroupsToLeaveAsync());
            await unsubscribe.ConfirmAsync();
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
        var preferences = new PreferencesPageObject(recipientPage);
        await recipientPage.StepAsync("and finds it off on the preferences page of the same email", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await Expect(preferences.GroupById(news)).Not.ToBeCheckedAsync();
        });
    }

    [Fact]
    public async Task Designer_builds_the_campaign_in_the_drag_and_drop_editor_with_Special_links_then_sends_it()
    {
        var (news, newsName) = await NewGroupAsync("News");
        var email = JourneyHost.NewEmail("dragged-for");
        var contactId = await Api.CreateContactAsync(email);
        var subject = Unique("Dragged");

        await using var context = await host.NewContextAsync(width: 1400, height: 1100);
        var page = await context.NewPageAsync();
        var editor = new EmailTemplateEditorPageObject(page);
        await page.StepAsync("sign in and start a campaign", async () =>
        {
            await SignInToNewCampaignAsync(page);
            await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.tagName === 'H1'");
            await Field(page, "campaign-name").FillAsync(subject);
            await Field(page, "campaign-subject").FillAsync(subject);
            await Field(page, $"campaign-group-{news}").CheckAsync();
            await Field(page, "campaign-html", "textarea").FillAsync(
                "<p id=\"leave\">You can leave this list.</p><p id=\"choose\">Or choose what you get.</p>");
        });
        await page.StepAsync("open the drag-and-drop editor and link both sentences (S13)", async () =>
        {
            await Field(page, "campaign-use-designer").CheckAsync();
            await editor.WaitUntilReadyAsync();
            await editor.InsertSpecialLinkAroundAsync("#leave", "leave this list", "group-unsubscribe");
            await Expect(editor.CanvasLinks("*|CT_GROUP_UNSUBSCRIBE|*")).ToHaveTextAsync("leave this list");
            await editor.InsertSpecialLinkAroundAsync("#choose", "choose what you get", "manage-preferences");
            await Expect(editor.CanvasLinks("*|CT_MANAGE_PREFERENCES|*")).ToHaveTextAsync("choose what you get");
            await editor.SaveAsync();
            await Expect(editor.LintOk).ToBeVisibleAsync();
            // The editor's Save reaches the campaign form through a callback: wait until the form's own check is clean.
            await Expect(page.GetByTestId("lint-clean")).ToBeVisibleAsync();
        });
        await page.StepAsync("save and send the campaign", async () =>
        {
            await page.GetByTestId("campaign-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/campaigns/[0-9a-f-]{36}$"));
            await SendFromThePageAsync(page);
        });

        var mail = host.Mail.Single(email, subject);
        Assert.Contains(">leave this list</a>", mail.Message.HtmlBody);
        Assert.Contains(">choose what you get</a>", mail.Message.HtmlBody);
        var recipientPage = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(recipientPage);
        await recipientPage.StepAsync("the recipient follows the dragged-in Group Unsubscribe link", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            Assert.Equal([newsName], await unsubscribe.GroupsToLeaveAsync());
            await unsubscribe.ConfirmAsync();
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
    }

    [Fact]
    public async Task S3_group_unsubscribe_leaves_the_campaign_groups_and_offers_the_preferences()
    {
        var (news, newsName) = await NewGroupAsync("News");
        var (offers, _) = await NewGroupAsync("Offers");
        var (contactId, mail) = await SendToNewContactAsync("s3", [news]);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(page);

        await page.StepAsync("open the group unsubscribe link", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            Assert.Equal([newsName], await unsubscribe.GroupsToLeaveAsync());
            await Expect(unsubscribe.ManagePreferencesLink).ToBeVisibleAsync();
        });
        // B2: opening the page changed nothing.
        Assert.True(await Api.IsSubscribedAsync(contactId, news));

        await page.StepAsync("confirm", async () =>
        {
            await unsubscribe.ConfirmAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(Language.All["en"].UnsubscribedTitle);
            Assert.Equal([newsName], await unsubscribe.GroupsToLeaveAsync());
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
        Assert.True(await Api.IsSubscribedAsync(contactId, offers));
        Assert.True((await Api.PreferencesAsync(contactId))["allCommunication"]!.GetValue<bool>());

        await page.StepAsync("manage preferences from the result page and save", async () =>
        {
            var preferences = await unsubscribe.ManagePreferencesAsync();
            await Expect(preferences.GroupById(news)).Not.ToBeCheckedAsync();
            await preferences.SetGroupAsync(offers, false);
            await preferences.SaveAndExpectSavedAsync();
            await Expect(preferences.ResultMessage).ToContainTextAsync("Email preferences saved");
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, offers));
    }

    [Fact]
    public async Task S4_group_unsubscribe_from_a_campaign_without_groups_leaves_all_email()
    {
        var (news, _) = await NewGroupAsync("News");
        var (contactId, mail) = await SendToNewContactAsync("s4", []);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(page);

        await page.StepAsync("open and confirm", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            Assert.True(await unsubscribe.LeavesAllEmailAsync());
            Assert.Empty(await unsubscribe.GroupsToLeaveAsync());
            await unsubscribe.ConfirmAsync();
            Assert.True(await unsubscribe.LeavesAllEmailAsync());
            await Expect(unsubscribe.ResubscribeButton).ToBeVisibleAsync();
            await Expect(unsubscribe.ManagePreferencesLink).ToBeVisibleAsync();
        });
        var after = await Api.PreferencesAsync(contactId);
        Assert.False(after["allCommunication"]!.GetValue<bool>());
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
    }

    [Fact]
    public async Task S6_group_unsubscribe_from_a_test_send_shows_every_group_and_saves_nothing()
    {
        var (news, newsName) = await NewGroupAsync("News");
        var (_, offersName) = await NewGroupAsync("Offers");
        var (designerId, mail) = await SendTestToDesignerAsync([news]);
        var before = (await Api.PreferencesAsync(designerId)).ToJsonString();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var unsubscribe = new GroupUnsubscribePageObject(page);

        await page.StepAsync("open the test link and confirm", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            await Expect(unsubscribe.TestBanner).ToBeVisibleAsync();
            var listed = await unsubscribe.TestGroupListAsync();
            Assert.Contains(newsName, listed);
            Assert.Contains(offersName, listed);
            await unsubscribe.ConfirmAsync();
            await Expect(unsubscribe.TestBanner).ToBeVisibleAsync();
        });
        await AssertNothingSavedAsync(designerId, before);
    }

    [Fact]
    public async Task S8_preferences_link_from_a_campaign_without_groups_is_fully_usable()
    {
        var (news, _) = await NewGroupAsync("News");
        var (offers, _) = await NewGroupAsync("Offers");
        var (contactId, mail) = await SendToNewContactAsync("s8", []);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);

        await page.StepAsync("open, switch one group off, save", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await Expect(preferences.GroupById(news)).ToBeCheckedAsync();
            await preferences.SetGroupAsync(news, false);
            await preferences.SaveAndExpectSavedAsync();
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
        Assert.True(await Api.IsSubscribedAsync(contactId, offers));
    }

    [Fact]
    public async Task S10_preferences_link_from_a_test_send_is_viewable_and_saves_nothing()
    {
        var (news, _) = await NewGroupAsync("News");
        var (designerId, mail) = await SendTestToDesignerAsync([news]);
        var before = (await Api.PreferencesAsync(designerId)).ToJsonString();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);

        await page.StepAsync("open the test link, change everything, save", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await Expect(preferences.TestBanner).ToBeVisibleAsync();
            await preferences.SetGroupAsync(news, false);
            await preferences.SetAllCommunicationAsync(false);
            await preferences.SaveAndExpectSavedAsync();
            await Expect(preferences.TestBanner).ToBeVisibleAsync();
        });
        await AssertNothingSavedAsync(designerId, before);
    }

    [Fact]
    public async Task S14_an_opted_out_recipient_gets_only_campaigns_that_override_opt_outs()
    {
        var (news, _) = await NewGroupAsync("News");
        var (contactId, mail) = await SendToNewContactAsync("s14", [news]);
        var email = mail.Message.To.Mailboxes.Single().Address;
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);
        await page.StepAsync("opt out of all communication", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await preferences.SetAllCommunicationAsync(false);
            await preferences.SaveAndExpectSavedAsync();
        });
        Assert.False((await Api.PreferencesAsync(contactId))["allCommunication"]!.GetValue<bool>());

        var normal = Unique("Normal");
        var normalResult = await Api.SendAsync(await Api.CreateCampaignAsync(normal, normal, [news], Html));
        Assert.True(normalResult["skipped"]!.GetValue<int>() >= 1, normalResult.ToJsonString());
        Assert.Empty(host.Mail.To(email, normal));

        var important = Unique("Important");
        await Api.SendAsync(await Api.CreateCampaignAsync(important, important, [news], Html, sendToOptedOut: true));
        Assert.Single(host.Mail.To(email, important));
    }

    [Fact]
    public async Task S15_a_tampered_link_shows_the_localized_not_found_page()
    {
        var (_, mail) = await SendToNewContactAsync("s15", []);
        var link = mail.ManagePreferencesLink;
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        await using var context = await host.NewContextAsync(Language.All["fr"].Locale);
        var page = await context.NewPageAsync();
        await page.StepAsync("open a tampered link", async () =>
        {
            var response = await page.GotoAsync(tampered);
            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync(Language.All["fr"].NotFoundTitle);
            await Expect(page.GetByTestId(RecipientTestIds.ErrorMessage)).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Saving_works_with_JavaScript_disabled()
    {
        var (news, _) = await NewGroupAsync("News");
        var (contactId, mail) = await SendToNewContactAsync("nojs", [news]);
        await using var context = await host.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);

        await page.StepAsync("All communication off without the script, then save", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            await preferences.SetAllCommunicationAsync(false);
            // No script: the groups do not follow in the page, the server applies the rule on save (S7).
            await Expect(preferences.GroupById(news)).ToBeCheckedAsync();
            await preferences.SaveAndExpectSavedAsync();
        });
        var after = await Api.PreferencesAsync(contactId);
        Assert.False(after["allCommunication"]!.GetValue<bool>());
        Assert.False(await Api.IsSubscribedAsync(contactId, news));
    }

    [Fact]
    public async Task Saving_and_unsubscribing_work_with_cookies_blocked()
    {
        var (news, _) = await NewGroupAsync("News");
        var (offers, _) = await NewGroupAsync("Offers");
        var (contactId, mail) = await SendToNewContactAsync("nocookies", [offers]);

        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        // Scripts can neither read nor write cookies, and the browser stores none: every request is checked to carry
        // no Cookie header, every response to set none.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Emulation.setDocumentCookieDisabled", new Dictionary<string, object> { ["disabled"] = true });
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => { lock (requests) requests.Add(request); };
        var preferences = new PreferencesPageObject(page);
        await page.StepAsync("save with cookies blocked", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            Assert.Equal("", await page.EvaluateAsync<string>("() => { document.cookie = 'probe=1'; return document.cookie; }"));
            await preferences.SetGroupAsync(news, false);
            await preferences.SaveAndExpectSavedAsync();
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, news));

        var unsubscribe = new GroupUnsubscribePageObject(page);
        await page.StepAsync("group unsubscribe with cookies blocked", async () =>
        {
            await unsubscribe.OpenAsync(mail.GroupUnsubscribeLink);
            await unsubscribe.ConfirmAsync();
        });
        Assert.False(await Api.IsSubscribedAsync(contactId, offers));
        Assert.Empty(await context.CookiesAsync());
        IRequest[] finished;
        lock (requests) finished = requests.ToArray();
        Assert.NotEmpty(finished);
        foreach (var request in finished)
        {
            Assert.False((await request.AllHeadersAsync()).ContainsKey("cookie"), $"A cookie was sent to {request.Url}");
            if (await request.ResponseAsync() is { } response)
                Assert.False((await response.AllHeadersAsync()).ContainsKey("set-cookie"), $"{request.Url} set a cookie");
        }
    }

    [Fact]
    public async Task Pages_fit_a_320_px_wide_screen_without_horizontal_scrolling()
    {
        var (news, _) = await NewGroupAsync("A rather long subscription group name for narrow screens");
        var (_, mail) = await SendToNewContactAsync("narrow-screen-with-a-long-address", [news]);
        await using var context = await host.NewContextAsync(width: 320, height: 640);
        var page = await context.NewPageAsync();
        var preferences = new PreferencesPageObject(page);
        const string NoHorizontalScroll = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";

        await page.StepAsync("preferences at 320 px", async () =>
        {
            await preferences.OpenAsync(mail.ManagePreferencesLink);
            Assert.True(await page.EvaluateAsync<bool>(NoHorizontalScroll), "The preferences page scrolls sideways at 320 px.");
            await preferences.SaveAndExpectSavedAsync();
            Assert.True(await page.EvaluateAsync<bool>(NoHorizontalScroll), "The saved page scrolls sideways at 320 px.");
        });
        await page.StepAsync("group unsubscribe at 320 px", async () =>
        {
            await new GroupUnsubscribePageObject(page).OpenAsync(mail.GroupUnsubscribeLink);
            Assert.True(await page.EvaluateAsync<bool>(NoHorizontalScroll), "The unsubscribe page scrolls sideways at 320 px.");
        });
    }

    [Fact]
    public async Task A_failing_page_step_names_the_page_URL_and_a_screenshot()
    {
        var (_, mail) = await SendToNewContactAsync("failure", []);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(mail.GroupUnsubscribeLink);

        var failure = await Assert.ThrowsAsync<PageStepException>(() => page.StepAsync("look for a Save button on the unsubscribe page",
            () => Expect(page.GetByTestId(RecipientTestIds.Save)).ToBeVisibleAsync(new() { Timeout = 2_000 })));

        Assert.Contains($"Page URL: {mail.GroupUnsubscribeLink}", failure.Message);
        Assert.NotNull(failure.ScreenshotPath);
        Assert.Contains(failure.ScreenshotPath, failure.Message);
        Assert.True(File.Exists(failure.ScreenshotPath));
    }
}
