using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using PreferenceUiKit.Components.Localization;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;

namespace PreferenceUiKit.Components.Endpoints;

/// <summary>
/// The recipient routes under the prefix. Every handler verifies the signed token, asks <see cref="PreferenceRules"/>
/// what to show or do, and renders a page; GET and HEAD never change anything (B2); form posts answer 303 (B3).
/// </summary>
internal sealed class RecipientPageEndpoints(string prefix)
{
    private string Base(HttpContext c) => $"{c.Request.PathBase}{prefix}";
    private string PreferencesUrl(HttpContext c, string token) => $"{Base(c)}/preferences/{token}";
    private string SavedUrl(HttpContext c, string token) => $"{Base(c)}/preferences/{token}/saved";
    private string UnsubscribeUrl(HttpContext c, string token) => $"{Base(c)}/unsubscribe/{token}";
    private string DoneUrl(HttpContext c, string token) => $"{Base(c)}/unsubscribe/{token}/done";
    private string ResubscribeUrl(HttpContext c, string token) => $"{Base(c)}/resubscribe/{token}";
    private string ResubscribedUrl(HttpContext c, string token) => $"{Base(c)}/resubscribe/{token}/done";

    public async Task<IResult> GetPreferences(string token, HttpContext context)
    {
        var (culture, page, error) = await OpenAsync(context, token, LinkKind.ManagePreferences);
        if (error is not null) return error;
        return PreferencesPage(context, culture, token, page!, StatusCodes.Status200OK);
    }

    public async Task<IResult> PostPreferences(string token, HttpContext context)
    {
        var culture = RecipientRequest.Culture(context);
        var signer = context.RequestServices.GetRequiredService<PreferenceLinkSigner>();
        if (!signer.TryVerify(token, LinkKind.ManagePreferences, out var link)) return Error(culture, RecipientError.NotFound);
        var form = await RecipientRequest.ReadFormAsync(context);
        if (form is null || form["intent"] != "save") return Error(culture, RecipientError.BadRequest);

        var invalid = new List<string>();
        var shown = RecipientRequest.ParseIds(form["shown"], invalid);
        var subscribed = RecipientRequest.ParseIds(form["group"], invalid);
        var all = form["all"].Any(v => v is "true" or "on");
        var submission = new PreferenceSubmission(all, shown, subscribed);
        var rules = context.RequestServices.GetRequiredService<PreferenceRules>();
        if (invalid.Count > 0)
            return await PreferencesWithAlertAsync(context, culture, token, link, submission, PreferencesAlert.UnknownGroups, StatusCodes.Status400BadRequest, form);

        SaveResult result;
        try
        {
            result = await rules.SavePreferencesAsync(link, submission, culture.Name, ChangeSource.PreferencePage, context.RequestAborted);
        }
        catch (PreferenceValidationException)
        {
            return await PreferencesWithAlertAsync(context, culture, token, link, submission, PreferencesAlert.UnknownGroups, StatusCodes.Status400BadRequest, form);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Saving preferences failed.");
            return await PreferencesWithAlertAsync(context, culture, token, link, submission, PreferencesAlert.SaveFailed, StatusCodes.Status503ServiceUnavailable, form);
        }
        return result.Status == SaveStatus.ContactMissing
            ? Error(culture, RecipientError.ContactMissing)
            : new SeeOtherResult(SavedUrl(context, token));
    }

    public async Task<IResult> GetSaved(string token, HttpContext context)
    {
        var (culture, page, error) = await OpenAsync(context, token, LinkKind.ManagePreferences);
        if (error is not null) return error;
        return Page<PreferencesSavedPage>(culture, "SavedTitle", StatusCodes.Status200OK, new()
        {
            [nameof(PreferencesSavedPage.Page)] = page,
            [nameof(PreferencesSavedPage.ManagePreferencesUrl)] = PreferencesUrl(context, token),
        });
    }

    public async Task<IResult> GetUnsubscribe(string token, HttpContext context)
    {
        var (culture, page, error) = await OpenAsync(context, token, LinkKind.GroupUnsubscribe);
        if (error is not null) return error;
        return UnsubscribePage(context, culture, token, page!, PreferencesAlert.None, StatusCodes.Status200OK);
    }

    public async Task<IResult> PostUnsubscribe(string token, HttpContext context)
    {
        var culture = RecipientRequest.Culture(context);
        var signer = context.RequestServices.GetRequiredService<PreferenceLinkSigner>();
        var rules = context.RequestServices.GetRequiredService<PreferenceRules>();
        if (!signer.TryVerify(token, LinkKind.GroupUnsubscribe, out var link)) return Error(culture, RecipientError.NotFound);
        var form = await RecipientRequest.ReadFormAsync(context);
        if (form is null) return Error(culture, RecipientError.BadRequest);

        // RFC 8058: a mailbox provider posts List-Unsubscribe=One-Click, with no cookie and follows no redirect.
        if (form["List-Unsubscribe"] == "One-Click")
            return await OneClickAsync(context, culture, rules, link);
        if (form["intent"] != "unsubscribe") return Error(culture, RecipientError.BadRequest);

        SaveResult result;
        try
        {
            result = await rules.ConfirmGroupUnsubscribeAsync(link, culture.Name, ChangeSource.GroupUnsubscribeLink, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Confirming a group unsubscribe failed.");
            var page = await TryOpenAsync(context, link);
            return page is null
                ? SaveFailedRetry(culture, UnsubscribeUrl(context, token), form)
                : UnsubscribePage(context, culture, token, page, PreferencesAlert.SaveFailed, StatusCodes.Status503ServiceUnavailable);
        }
        return result.Status == SaveStatus.ContactMissing
            ? Error(culture, RecipientError.ContactMissing)
            : new SeeOtherResult(DoneUrl(context, token));
    }

    public async Task<IResult> GetUnsubscribeDone(string token, HttpContext context)
    {
        var (culture, page, error) = await OpenAsync(context, token, LinkKind.GroupUnsubscribe);
        if (error is not null) return error;
        // Not confirmed yet (or resubscribed since): the confirm page, never an unsubscribe by GET.
        if (!page!.Link.IsTest && !page.AlreadyUnsubscribed)
            return UnsubscribePage(context, culture, token, page, PreferencesAlert.None, StatusCodes.Status200OK);
        return DonePage(context, culture, token, page);
    }

    public async Task<IResult> PostResubscribe(string token, HttpContext context)
    {
        var culture = RecipientRequest.Culture(context);
        var signer = context.RequestServices.GetRequiredService<PreferenceLinkSigner>();
        var rules = context.RequestServices.GetRequiredService<PreferenceRules>();
        if (!signer.TryVerify(token, out var link)) return Error(culture, RecipientError.NotFound);
        var form = await RecipientRequest.ReadFormAsync(context);
        if (form is null || form["intent"] != "resubscribe") return Error(culture, RecipientError.BadRequest);
        SaveResult result;
        try
        {
            result = await rules.ResubscribeAsync(link, culture.Name, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Resubscribing failed.");
            return SaveFailedRetry(culture, ResubscribeUrl(context, token), form);
        }
        return result.Status == SaveStatus.ContactMissing
            ? Error(culture, RecipientError.ContactMissing)
            : new SeeOtherResult(ResubscribedUrl(context, token));
    }

    public async Task<IResult> GetResubscribed(string token, HttpContext context)
    {
        var (culture, page, error) = await OpenAsync(context, token, null);
        if (error is not null) return error;
        if (!page!.Link.IsTest && !page.AllCommunication)
            return DonePage(context, culture, token, page);
        return Page<ResubscribedPage>(culture, "ResubscribedTitle", StatusCodes.Status200OK, new()
        {
            [nameof(ResubscribedPage.Page)] = page,
            [nameof(ResubscribedPage.ManagePreferencesUrl)] = ManageUrlFor(context, token, page),
        });
    }

    public IResult NotFound(HttpContext context) => Error(RecipientRequest.Culture(context), RecipientError.NotFound);

    private async Task<IResult> OneClickAsync(HttpContext context, CultureInfo culture, PreferenceRules rules, PreferenceLink link)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<RecipientText>>();
        try
        {
            var result = await rules.ConfirmGroupUnsubscribeAsync(link, culture.Name, ChangeSource.OneClick, context.RequestAborted);
            if (result.Status == SaveStatus.ContactMissing)
                return new LocalizedText(culture, text, "ContactMissingTitle", StatusCodes.Status410Gone);
            return new LocalizedText(culture, text, "OneClickDone", StatusCodes.Status200OK);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "A one-click unsubscribe failed.");
            return new LocalizedText(culture, text, "SaveFailedTitle", StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Verifies the token and reads the page; the error page when the link is bad, the contact gone or the store unreadable.</summary>
    private async Task<(CultureInfo Culture, LinkPage? Page, IResult? Error)> OpenAsync(HttpContext context, string token, LinkKind? kind)
    {
        var culture = RecipientRequest.Culture(context);
        var signer = context.RequestServices.GetRequiredService<PreferenceLinkSigner>();
        var valid = kind is { } k ? signer.TryVerify(token, k, out var link) : signer.TryVerify(token, out link);
        if (!valid) return (culture, null, Error(culture, RecipientError.NotFound));
        LinkPage page;
        try
        {
            page = await context.RequestServices.GetRequiredService<PreferenceRules>().OpenAsync(link, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Reading preferences failed.");
            return (culture, null, Error(culture, RecipientError.ContactMissing, StatusCodes.Status503ServiceUnavailable));
        }
        if (page.ContactMissing) return (culture, null, Error(culture, RecipientError.ContactMissing));
        return (culture, page, null);
    }

    private static async Task<LinkPage?> TryOpenAsync(HttpContext context, PreferenceLink link)
    {
        try
        {
            var page = await context.RequestServices.GetRequiredService<PreferenceRules>().OpenAsync(link, context.RequestAborted);
            return page.ContactMissing ? null : page;
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Reading preferences failed.");
            return null;
        }
    }

    private async Task<IResult> PreferencesWithAlertAsync(HttpContext context, CultureInfo culture, string token, PreferenceLink link,
        PreferenceSubmission chosen, PreferencesAlert alert, int status, Microsoft.AspNetCore.Http.IFormCollection form)
    {
        var page = await TryOpenAsync(context, link);
        if (page is null)
            return alert == PreferencesAlert.SaveFailed
                ? SaveFailedRetry(culture, PreferencesUrl(context, token), form)
                : Error(culture, RecipientError.BadRequest);
        return PreferencesPage(context, culture, token, page, status, chosen, alert);
    }

    private IResult PreferencesPage(HttpContext context, CultureInfo culture, string token, LinkPage page, int status,
        PreferenceSubmission? chosen = null, PreferencesAlert alert = PreferencesAlert.None)
        => Page<PreferencesPage>(culture, "ManagePreferencesTitle", status, new()
        {
            [nameof(Pages.PreferencesPage.Page)] = page,
            [nameof(Pages.PreferencesPage.ActionUrl)] = PreferencesUrl(context, token),
            [nameof(Pages.PreferencesPage.Chosen)] = chosen,
            [nameof(Pages.PreferencesPage.Alert)] = alert,
        }, includeToggleScript: true);

    private IResult UnsubscribePage(HttpContext context, CultureInfo culture, string token, LinkPage page, PreferencesAlert alert, int status)
        => Page<GroupUnsubscribePage>(culture, "UnsubscribeTitle", status, new()
        {
            [nameof(GroupUnsubscribePage.Page)] = page,
            [nameof(GroupUnsubscribePage.ActionUrl)] = UnsubscribeUrl(context, token),
            [nameof(GroupUnsubscribePage.ManagePreferencesUrl)] = ManageUrlFor(context, token, page),
            [nameof(GroupUnsubscribePage.Alert)] = alert,
        });

    private IResult DonePage(HttpContext context, CultureInfo culture, string token, LinkPage page)
        => Page<UnsubscribeDonePage>(culture, page.Link.IsTest ? "UnsubscribeTitle" : "UnsubscribedTitle", StatusCodes.Status200OK, new()
        {
            [nameof(UnsubscribeDonePage.Page)] = page,
            [nameof(UnsubscribeDonePage.ResubscribeUrl)] = ResubscribeUrl(context, token),
            [nameof(UnsubscribeDonePage.ManagePreferencesUrl)] = ManageUrlFor(context, token, page),
        });

    /// <summary>
    /// The Manage Email Preferences page of the same recipient, campaign and test flag (S3), or null when no group
    /// exists (S5, S9). A group-unsubscribe token is re-signed as a manage token with the same issue time, so the
    /// offer never outlives the link it came from.
    /// </summary>
    private string? ManageUrlFor(HttpContext context, string token, LinkPage page)
    {
        if (!page.GroupsConfigured) return null;
        if (page.Link.Kind == LinkKind.ManagePreferences) return PreferencesUrl(context, token);
        var signer = context.RequestServices.GetRequiredService<PreferenceLinkSigner>();
        return PreferencesUrl(context, signer.Sign(page.Link with { Kind = LinkKind.ManagePreferences }));
    }

    private static IResult SaveFailedRetry(CultureInfo culture, string url, Microsoft.AspNetCore.Http.IFormCollection form)
        => Page<RecipientErrorPage>(culture, RecipientErrorPage.TitleKeyOf(RecipientError.SaveFailed), StatusCodes.Status503ServiceUnavailable, new()
        {
            [nameof(RecipientErrorPage.Error)] = RecipientError.SaveFailed,
            [nameof(RecipientErrorPage.RetryUrl)] = url,
            [nameof(RecipientErrorPage.RetryFields)] = RecipientRequest.Fields(form),
        });

    internal static IResult Error(CultureInfo culture, RecipientError error, int? status = null)
        => Page<RecipientErrorPage>(culture, RecipientErrorPage.TitleKeyOf(error), status ?? error switch
        {
            RecipientError.NotFound => StatusCodes.Status404NotFound,
            RecipientError.ContactMissing => StatusCodes.Status410Gone,
            RecipientError.BadRequest => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status503ServiceUnavailable,
        }, new() { [nameof(RecipientErrorPage.Error)] = error });

    private static RecipientPageResult<T> Page<T>(CultureInfo culture, string titleKey, int status, Dictionary<string, object?> parameters,
        bool includeToggleScript = false) where T : IComponent
        => new(culture, titleKey, status, parameters, includeToggleScript);

    private static ILogger Log(HttpContext context)
        => context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PreferenceUiKit.Components.RecipientPages");
}

/// <summary>A short localized plain-text answer (the RFC 8058 one-click POST).</summary>
internal sealed class LocalizedText(CultureInfo culture, IStringLocalizer text, string key, int status) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        CultureInfo.CurrentUICulture = culture;
        httpContext.Response.StatusCode = status;
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        httpContext.Response.Headers.ContentLanguage = culture.TwoLetterISOLanguageName;
        await httpContext.Response.WriteAsync(text[key].Value + "\n", httpContext.RequestAborted);
    }
}
