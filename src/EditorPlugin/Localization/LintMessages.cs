using System.Globalization;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.EditorPlugin.Localization;

/// <summary>The linter's findings (rule B7) in the designer's language. Core gives stable codes; this says them.</summary>
public static class LintMessages
{
    private static readonly LocalizedText UnknownTag = LocalizedText.Of(
        "'{0}' is not a known tag.", "« {0} » n'est pas une balise connue.", "'{0}' no es una etiqueta conocida.", "'{0}' कोई ज्ञात टैग नहीं है।");
    private static readonly LocalizedText DidYouMean = LocalizedText.Of(
        " Did you mean {0}?", " Vouliez-vous dire {0} ?", " ¿Quiso decir {0}?", " क्या आपका मतलब {0} था?");
    private static readonly LocalizedText MalformedTag = LocalizedText.Of(
        "'{0}' is missing its delimiters: write {1}.", "Il manque les délimiteurs à « {0} » : écrivez {1}.",
        "A '{0}' le faltan los delimitadores: escriba {1}.", "'{0}' में सीमांकक नहीं हैं: {1} लिखें।");
    private static readonly LocalizedText ManageLinkWithoutGroups = LocalizedText.Of(
        "{0} needs at least one subscription group, and none exists. Create a group, or use the Group Unsubscribe link ({1}) instead.",
        "{0} nécessite au moins un groupe d'abonnement, et il n'en existe aucun. Créez un groupe, ou utilisez plutôt le lien Désabonnement du groupe ({1}).",
        "{0} necesita al menos un grupo de suscripción y no existe ninguno. Cree un grupo o use en su lugar el enlace Baja del grupo ({1}).",
        "{0} के लिए कम से कम एक सदस्यता समूह चाहिए, और कोई समूह नहीं है। एक समूह बनाएँ, या इसके बजाय समूह सदस्यता रद्द करें लिंक ({1}) का उपयोग करें।");
    private static readonly LocalizedText TagUnderModeNone = LocalizedText.Of(
        "{0} cannot be used while the Email Preference Center is set to None. Choose System or Custom URL, or remove the tag.",
        "{0} ne peut pas être utilisé tant que le Centre de préférences e-mail est réglé sur Aucun. Choisissez Système ou URL personnalisée, ou retirez la balise.",
        "{0} no se puede usar mientras el Centro de preferencias de correo esté en Ninguno. Elija Sistema o URL personalizada, o quite la etiqueta.",
        "जब तक ईमेल प्राथमिकता केंद्र 'कोई नहीं' पर सेट है, {0} का उपयोग नहीं किया जा सकता। सिस्टम या कस्टम URL चुनें, या टैग हटा दें।");
    private static readonly LocalizedText NoUnsubscribeLink = LocalizedText.Of(
        "The template has no unsubscribe link. Add a Group Unsubscribe link ({0}).",
        "Le modèle n'a aucun lien de désabonnement. Ajoutez un lien Désabonnement du groupe ({0}).",
        "La plantilla no tiene ningún enlace de baja. Añada un enlace Baja del grupo ({0}).",
        "टेम्पलेट में सदस्यता रद्द करने का कोई लिंक नहीं है। समूह सदस्यता रद्द करें लिंक ({0}) जोड़ें।");
    private static readonly LocalizedText NoUnsubscribeLinkWithGroups = LocalizedText.Of(
        "The template has no unsubscribe link. Add a Group Unsubscribe link ({0}) or an Email Preference Center link ({1}).",
        "Le modèle n'a aucun lien de désabonnement. Ajoutez un lien Désabonnement du groupe ({0}) ou Centre de préférences e-mail ({1}).",
        "La plantilla no tiene ningún enlace de baja. Añada un enlace Baja del grupo ({0}) o Centro de preferencias de correo ({1}).",
        "टेम्पलेट में सदस्यता रद्द करने का कोई लिंक नहीं है। समूह सदस्यता रद्द करें लिंक ({0}) या ईमेल प्राथमिकता केंद्र लिंक ({1}) जोड़ें।");
    private static readonly LocalizedText NoUnsubscribeLinkModeNone = LocalizedText.Of(
        "No unsubscribe link was found. Every marketing email needs one.",
        "Aucun lien de désabonnement n'a été trouvé. Chaque e-mail marketing en a besoin.",
        "No se encontró ningún enlace de baja. Todo correo de marketing necesita uno.",
        "सदस्यता रद्द करने का कोई लिंक नहीं मिला। हर मार्केटिंग ईमेल में एक होना चाहिए।");
    private static readonly LocalizedText TagOutsideHref = LocalizedText.Of(
        "{0} is not inside a link, so it shows as a bare address. Put it in a link: <a href=\"{0}\">…</a>.",
        "{0} n'est pas dans un lien : il s'affiche comme une adresse brute. Placez-le dans un lien : <a href=\"{0}\">…</a>.",
        "{0} no está dentro de un enlace, así que se muestra como una dirección sin formato. Póngalo en un enlace: <a href=\"{0}\">…</a>.",
        "{0} किसी लिंक के अंदर नहीं है, इसलिए यह केवल पते के रूप में दिखता है। इसे लिंक में रखें: <a href=\"{0}\">…</a>।");
    private static readonly LocalizedText TemplateTooLarge = LocalizedText.Of(
        "The template is too large: at most {0} characters are accepted.",
        "Le modèle est trop grand : {0} caractères au plus sont acceptés.",
        "La plantilla es demasiado grande: se aceptan como máximo {0} caracteres.",
        "टेम्पलेट बहुत बड़ा है: अधिकतम {0} वर्ण स्वीकार किए जाते हैं।");

    /// <summary>Says a finding in a language (English when the language is not one of en, fr, es, hi).</summary>
    /// <param name="finding">The linter's finding.</param>
    /// <param name="context">The context the template was linted in (it changes what the advice says).</param>
    /// <param name="culture">The designer's language (default: the current UI culture).</param>
    public static string Describe(LintFinding finding, LintContext context, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(context);
        var c = culture ?? CultureInfo.CurrentUICulture;
        string F(LocalizedText text, params object?[] args) => string.Format(c, text.For(c), args);
        return finding.Code switch
        {
            LintCodes.UnknownTag => F(UnknownTag, finding.Text) + (finding.Suggestion is null ? "" : F(DidYouMean, finding.Suggestion)),
            LintCodes.MalformedTag => F(MalformedTag, finding.Text, finding.Suggestion),
            LintCodes.ManageLinkWithoutGroups => F(ManageLinkWithoutGroups, finding.Text, MergeTagNames.GroupUnsubscribe),
            LintCodes.TagUnderModeNone => F(TagUnderModeNone, finding.Text),
            LintCodes.NoUnsubscribeLink => context.Mode == PreferenceCenterMode.None
                ? F(NoUnsubscribeLinkModeNone)
                : context.GroupsConfigured
                    ? F(NoUnsubscribeLinkWithGroups, MergeTagNames.GroupUnsubscribe, MergeTagNames.ManagePreferences)
                    : F(NoUnsubscribeLink, MergeTagNames.GroupUnsubscribe),
            LintCodes.TagOutsideHref => F(TagOutsideHref, finding.Text),
            LintCodes.TemplateTooLarge => F(TemplateTooLarge, TemplateLinter.MaxTemplateLength),
            _ => finding.Message,
        };
    }
}
