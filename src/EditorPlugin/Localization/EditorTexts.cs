namespace PreferenceUiKit.EditorPlugin.Localization;

/// <summary>Every user-facing text of the editor besides the catalog's entries, in English, French, Spanish and Hindi.</summary>
internal static class EditorTexts
{
    public static readonly LocalizedText SpecialLinks = LocalizedText.Of(
        "Special links", "Liens spéciaux", "Enlaces especiales", "विशेष लिंक");
    public static readonly LocalizedText SpecialLinkTrait = LocalizedText.Of(
        "Special link", "Lien spécial", "Enlace especial", "विशेष लिंक");
    public static readonly LocalizedText NoSpecialLink = LocalizedText.Of(
        "None (own address)", "Aucun (adresse libre)", "Ninguno (dirección propia)", "कोई नहीं (अपना पता)");
    public static readonly LocalizedText SelectTextFirst = LocalizedText.Of(
        "Select the words that should become the link, then pick a special link.",
        "Sélectionnez les mots qui deviendront le lien, puis choisissez un lien spécial.",
        "Seleccione las palabras que serán el enlace y luego elija un enlace especial.",
        "जिन शब्दों को लिंक बनाना है उन्हें चुनें, फिर एक विशेष लिंक चुनें।");
    public static readonly LocalizedText FooterBlock = LocalizedText.Of(
        "Unsubscribe footer", "Pied de page de désabonnement", "Pie de baja", "सदस्यता रद्द करने वाला फ़ुटर");
    public static readonly LocalizedText FooterIntro = LocalizedText.Of(
        "You receive this email because you subscribed to our emails.",
        "Vous recevez cet e-mail car vous êtes abonné à nos e-mails.",
        "Recibe este correo porque se suscribió a nuestros correos.",
        "आपको यह ईमेल इसलिए मिला है क्योंकि आपने हमारी ईमेल की सदस्यता ली है।");
    public static readonly LocalizedText ManageLineBlock = LocalizedText.Of(
        "Manage preferences line", "Ligne Gérer mes préférences", "Línea Gestionar preferencias", "प्राथमिकताएँ प्रबंधित करने की पंक्ति");
    public static readonly LocalizedText ManageLineIntro = LocalizedText.Of(
        "Choose which emails you receive:", "Choisissez les e-mails que vous recevez :", "Elija qué correos recibe:", "चुनें कि आपको कौन-सी ईमेल मिलें:");
    public static readonly LocalizedText DragAndDrop = LocalizedText.Of(
        "Drag and drop", "Glisser-déposer", "Arrastrar y soltar", "खींचें और छोड़ें");
    public static readonly LocalizedText RawHtml = LocalizedText.Of(
        "Raw HTML", "HTML brut", "HTML sin formato", "रॉ HTML");
    public static readonly LocalizedText RawHtmlLabel = LocalizedText.Of(
        "Template HTML", "HTML du modèle", "HTML de la plantilla", "टेम्पलेट HTML");
    public static readonly LocalizedText InsertLink = LocalizedText.Of(
        "Insert a link:", "Insérer un lien :", "Insertar un enlace:", "लिंक डालें:");
    public static readonly LocalizedText Save = LocalizedText.Of("Save", "Enregistrer", "Guardar", "सहेजें");
    public static readonly LocalizedText Saved = LocalizedText.Of("Saved.", "Enregistré.", "Guardado.", "सहेजा गया।");
    public static readonly LocalizedText ExportHtml = LocalizedText.Of(
        "Export HTML", "Exporter le HTML", "Exportar HTML", "HTML निर्यात करें");
    public static readonly LocalizedText Loading = LocalizedText.Of(
        "Loading the editor…", "Chargement de l'éditeur…", "Cargando el editor…", "संपादक लोड हो रहा है…");
    public static readonly LocalizedText LoadFailed = LocalizedText.Of(
        "The editor could not start. Reload the page; if it happens again, switch to Raw HTML.",
        "L'éditeur n'a pas pu démarrer. Rechargez la page ; si cela se reproduit, passez en HTML brut.",
        "El editor no pudo iniciarse. Recargue la página; si vuelve a ocurrir, cambie a HTML sin formato.",
        "संपादक शुरू नहीं हो सका। पेज फिर से लोड करें; यदि फिर से हो, तो रॉ HTML पर जाएँ।");
    public static readonly LocalizedText ExportFailed = LocalizedText.Of(
        "The template could not be read from the editor. Try again.",
        "Le modèle n'a pas pu être lu depuis l'éditeur. Réessayez.",
        "No se pudo leer la plantilla del editor. Inténtelo de nuevo.",
        "संपादक से टेम्पलेट पढ़ा नहीं जा सका। फिर से प्रयास करें।");
    public static readonly LocalizedText Checks = LocalizedText.Of(
        "Template checks", "Vérifications du modèle", "Comprobaciones de la plantilla", "टेम्पलेट जाँच");
    public static readonly LocalizedText NoProblems = LocalizedText.Of(
        "No problems found.", "Aucun problème trouvé.", "No se encontraron problemas.", "कोई समस्या नहीं मिली।");
    public static readonly LocalizedText Error = LocalizedText.Of("Error", "Erreur", "Error", "त्रुटि");
    public static readonly LocalizedText Warning = LocalizedText.Of("Warning", "Avertissement", "Advertencia", "चेतावनी");
    public static readonly LocalizedText Position = LocalizedText.Of(
        "line {0}, column {1}", "ligne {0}, colonne {1}", "línea {0}, columna {1}", "पंक्ति {0}, स्तंभ {1}");
    public static readonly LocalizedText Close = LocalizedText.Of("Close", "Fermer", "Cerrar", "बंद करें");
}
