namespace PreferenceUiKit.Components;

/// <summary>
/// Settings of the recipient pages, bound from the configuration section <c>PreferenceCenter</c> and then from the
/// delegate given to <see cref="PreferenceCenterServiceCollectionExtensions.AddPreferenceCenter"/>.
/// </summary>
public sealed class PreferenceCenterOptions
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string SectionName = "PreferenceCenter";

    /// <summary>
    /// Route prefix the links in emails point to (default <c>/email</c>). Pass the same value to
    /// <see cref="PreferenceCenterEndpointRouteBuilderExtensions.MapPreferenceCenter"/>.
    /// </summary>
    public string RoutePrefix { get; set; } = "/email";

    /// <summary>The origin recipients reach, put into links (e.g. <c>https://mail.example.com</c>). Default <c>http://localhost:5080</c>.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Link-signing keys. The last one signs new links; all of them verify, so links signed before a rotation stay
    /// valid (rule B4). When empty, a key is generated at start and links do not survive a restart.
    /// </summary>
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];
}

/// <summary>One link-signing key as kept in configuration.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>The id written into every token (0-255), unique per key.</summary>
    public byte Id { get; set; }

    /// <summary>The secret, Base64, at least 32 bytes (e.g. <c>openssl rand -base64 32</c>).</summary>
    public string Secret { get; set; } = "";
}
