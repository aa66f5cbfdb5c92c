namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>A language the recipient pages speak, with headings a recipient would read (from RecipientText*.resx).</summary>
public sealed record Language(string Locale, string Lang, string ManageTitle, string SavedTitle, string UnsubscribeTitle,
    string UnsubscribedTitle, string ResubscribedTitle, string NotFoundTitle)
{
    /// <summary>English, French, Spanish, Hindi.</summary>
    public static readonly IReadOnlyDictionary<string, Language> All = new Dictionary<string, Language>
    {
        ["en"] = new("en-US", "en", "Manage Email Preferences", "Email preferences saved", "Unsubscribe",
            "You are unsubscribed", "You are subscribed again", "This link does not work"),
        ["fr"] = new("fr-FR", "fr", "Gérer vos préférences d'e-mail", "Préférences d'e-mail enregistrées", "Se désabonner",
            "Vous êtes désabonné(e)", "Vous êtes de nouveau abonné(e)", "Ce lien ne fonctionne pas"),
        ["es"] = new("es-ES", "es", "Administrar preferencias de correo electrónico", "Preferencias de correo electrónico guardadas",
            "Cancelar suscripción", "Ha cancelado su suscripción", "Vuelve a estar suscrito", "Este enlace no funciona"),
        ["hi"] = new("hi-IN", "hi", "ईमेल प्राथमिकताएँ प्रबंधित करें", "ईमेल प्राथमिकताएँ सहेजी गईं", "सदस्यता छोड़ें",
            "आपकी सदस्यता हटा दी गई है", "आपकी सदस्यता फिर से शुरू हो गई है", "यह लिंक काम नहीं करता"),
    };

    /// <summary>Theory data: the four language codes.</summary>
    public static TheoryData<string> Codes => new() { "en", "fr", "es", "hi" };
}
