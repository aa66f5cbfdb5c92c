using PreferenceUiKit.EditorPlugin.Localization;

namespace PreferenceUiKit.EditorPlugin.SpecialLinks;

/// <summary>A submenu of <em>Special links</em> (for example <em>Unsubscribe</em>).</summary>
/// <param name="Id">Stable identifier, used in markup hooks (<c>data-testid</c>) and exports.</param>
/// <param name="Label">What the submenu is called.</param>
public sealed record SpecialLinkCategory(string Id, LocalizedText Label)
{
    /// <summary>The <em>Unsubscribe</em> submenu holding the preference-center links (rule S13).</summary>
    public static SpecialLinkCategory Unsubscribe { get; } = new("unsubscribe",
        LocalizedText.Of("Unsubscribe", "Désabonnement", "Cancelar suscripción", "सदस्यता रद्द करें"));
}
