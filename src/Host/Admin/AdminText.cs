namespace PreferenceUiKit.Host.Admin;

/// <summary>
/// Marker type of the admin texts: <c>IStringLocalizer&lt;AdminText&gt;</c> reads <c>AdminText.resx</c> and its
/// French, Spanish and Hindi siblings in this folder.
/// </summary>
public sealed class AdminText;
