namespace PreferenceUiKit.Core.Domain;

/// <summary>
/// Input that breaks a rule. Carries the field at fault and a stable code that UIs translate;
/// the message is English for logs and API clients.
/// </summary>
public sealed class PreferenceValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PreferenceValidationException(string field, string code, string message, IReadOnlyList<string>? values = null)
        : base(message)
    {
        Field = field;
        Code = code;
        Values = values ?? [];
    }

    /// <summary>The input field at fault, as named in the API (camelCase).</summary>
    public string Field { get; }
    /// <summary>A stable code from <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }
    /// <summary>Offending values, such as unknown group ids.</summary>
    public IReadOnlyList<string> Values { get; }
}

/// <summary>Stable error codes; UIs map them to localized text.</summary>
public static class ErrorCodes
{
#pragma warning disable CS1591 // the names say it
    public const string InvalidMode = "invalid_mode";
    public const string CustomUrlRequired = "custom_url_required";
    public const string CustomUrlInvalid = "custom_url_invalid";
    public const string GroupNameRequired = "group_name_required";
    public const string GroupNameTooLong = "group_name_too_long";
    public const string GroupNameDuplicate = "group_name_duplicate";
    public const string GroupDescriptionTooLong = "group_description_too_long";
    public const string GroupNotFound = "group_not_found";
    public const string UnknownGroups = "unknown_groups";
    public const string EmailRequired = "email_required";
    public const string EmailInvalid = "email_invalid";
    public const string EmailDuplicate = "email_duplicate";
    public const string LocaleInvalid = "locale_invalid";
    public const string ContactNotFound = "contact_not_found";
    public const string CampaignNotFound = "campaign_not_found";
    public const string CampaignNameRequired = "campaign_name_required";
    public const string TemplateTooLarge = "template_too_large";
#pragma warning restore CS1591
}
