using System.Globalization;

namespace PreferenceUiKit.EditorPlugin.Localization;

/// <summary>
/// One user-facing text in several languages, keyed by two-letter language code (<c>en</c>, <c>fr</c>, <c>es</c>,
/// <c>hi</c>). Looking a culture up walks from the specific culture to its language and falls back to English.
/// </summary>
public sealed class LocalizedText
{
    /// <summary>The languages every built-in text of the editor exists in.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["en", "fr", "es", "hi"];

    private readonly Dictionary<string, string> _byLanguage;

    /// <summary>Creates a text from its translations (keys are culture names such as <c>fr</c> or <c>fr-CA</c>).</summary>
    /// <exception cref="ArgumentException">No English text, or an empty translation.</exception>
    public LocalizedText(IReadOnlyDictionary<string, string> translations)
    {
        ArgumentNullException.ThrowIfNull(translations);
        _byLanguage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (culture, text) in translations)
        {
            if (string.IsNullOrWhiteSpace(text))
                throw new ArgumentException($"The '{culture}' text is empty.", nameof(translations));
            _byLanguage[culture] = text;
        }
        if (!_byLanguage.ContainsKey("en"))
            throw new ArgumentException("Every text needs an English ('en') version, the fallback language.", nameof(translations));
    }

    /// <summary>A text in the four languages of the editor.</summary>
    public static LocalizedText Of(string en, string fr, string es, string hi)
        => new(new Dictionary<string, string> { ["en"] = en, ["fr"] = fr, ["es"] = es, ["hi"] = hi });

    /// <summary>A text that reads the same in every language (for example a host's own link name).</summary>
    public static LocalizedText Invariant(string text) => new(new Dictionary<string, string> { ["en"] = text });

    /// <summary>The translations, by culture name.</summary>
    public IReadOnlyDictionary<string, string> Translations => _byLanguage;

    /// <summary>The text for a culture: the culture itself, then its parents (<c>fr-CA</c> → <c>fr</c>), then English.</summary>
    public string For(CultureInfo? culture)
    {
        for (var c = culture ?? CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
            if (_byLanguage.TryGetValue(c.Name, out var text)) return text;
        return _byLanguage["en"];
    }

    /// <summary>The English text.</summary>
    public override string ToString() => _byLanguage["en"];
}
