using Microsoft.Extensions.Localization;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Host.Admin;

/// <summary>
/// Says Core's stable error codes and enum values in the admin's language. Core's exception messages are English
/// for logs and API clients; the admin pages show these instead.
/// </summary>
public static class AdminMessages
{
    /// <summary>Resource key prefix of error codes (<c>Error_email_invalid</c>, …).</summary>
    public const string ErrorPrefix = "Error_";

    /// <summary>The localized text of a validation error, by its code.</summary>
    public static string Error(IStringLocalizer<AdminText> l, PreferenceValidationException ex)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(ex);
        return Error(l, ex.Code);
    }

    /// <summary>The localized text of an error code; a generic message for a code this version does not know.</summary>
    public static string Error(IStringLocalizer<AdminText> l, string code)
    {
        ArgumentNullException.ThrowIfNull(l);
        var text = code switch
        {
            ErrorCodes.GroupNameTooLong => l[ErrorPrefix + code, SubscriptionGroup.MaxNameLength],
            ErrorCodes.GroupDescriptionTooLong => l[ErrorPrefix + code, SubscriptionGroup.MaxDescriptionLength],
            ErrorCodes.CampaignNameRequired => l[ErrorPrefix + code, CampaignForm.MaxNameLength],
            _ => l[ErrorPrefix + code],
        };
        return text.ResourceNotFound ? l["Error_unknown"] : text.Value;
    }

    /// <summary>Where a consent change came from, as the ledger table shows it.</summary>
    public static string Source(IStringLocalizer<AdminText> l, ChangeSource source) => l["Source_" + source];

    /// <summary>A switch state: subscribed or unsubscribed.</summary>
    public static string State(IStringLocalizer<AdminText> l, bool subscribed) => subscribed ? l["State_Subscribed"] : l["State_Unsubscribed"];

    /// <summary>A preference-center mode as the settings page shows it.</summary>
    public static string Mode(IStringLocalizer<AdminText> l, PreferenceCenterMode mode) => l["Mode_" + mode];
}
