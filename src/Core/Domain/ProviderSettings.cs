namespace PreferenceUiKit.Core.Domain;

/// <summary>The email provider's preference-center setting (rule S1).</summary>
/// <param name="Mode">Which page the links lead to.</param>
/// <param name="CustomUrl">The customer's own page, required when <paramref name="Mode"/> is <see cref="PreferenceCenterMode.CustomUrl"/>.</param>
public sealed record ProviderSettings(PreferenceCenterMode Mode, Uri? CustomUrl = null)
{
    /// <summary>The default: the hosted pages.</summary>
    public static ProviderSettings Default { get; } = new(PreferenceCenterMode.System);

    /// <summary>
    /// Builds validated settings. A Custom URL must be an absolute <c>http</c> or <c>https</c> URL;
    /// <c>https</c> is required unless the host is a loopback address (a developer's own machine).
    /// </summary>
    /// <exception cref="PreferenceValidationException">The mode or URL is not acceptable.</exception>
    public static ProviderSettings Create(PreferenceCenterMode mode, string? customUrl)
    {
        if (!Enum.IsDefined(mode))
            throw new PreferenceValidationException("preferenceCenter", ErrorCodes.InvalidMode, $"'{mode}' is not a preference-center mode.");
        if (mode != PreferenceCenterMode.CustomUrl)
            return new ProviderSettings(mode);
        return new ProviderSettings(mode, ValidateCustomUrl(customUrl));
    }

    /// <summary>Checks a customer page URL: absolute, https (http only on loopback), no credentials or fragment.</summary>
    public static Uri ValidateCustomUrl(string? customUrl)
    {
        if (string.IsNullOrWhiteSpace(customUrl))
            throw new PreferenceValidationException("customUrl", ErrorCodes.CustomUrlRequired, "A Custom URL is required when the preference center mode is CustomUrl.");
        if (customUrl.Length > 2000
            || !Uri.TryCreate(customUrl.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || string.IsNullOrEmpty(uri.Host))
            throw new PreferenceValidationException("customUrl", ErrorCodes.CustomUrlInvalid, "The Custom URL must be an absolute https:// address.");
        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
            throw new PreferenceValidationException("customUrl", ErrorCodes.CustomUrlInvalid, "The Custom URL must use https:// (plain http is accepted only for localhost).");
        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
            throw new PreferenceValidationException("customUrl", ErrorCodes.CustomUrlInvalid, "The Custom URL must not contain credentials or a #fragment.");
        return uri;
    }
}
