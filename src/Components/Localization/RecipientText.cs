using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;

namespace PreferenceUiKit.Components.Localization;

/// <summary>
/// The texts of the recipient pages in English, French, Spanish and Hindi (<c>RecipientText.*.resx</c>), and the
/// languages the pages speak (rule S2).
/// </summary>
public sealed class RecipientText
{
    private RecipientText() { }

    /// <summary>The resources behind the pages.</summary>
    public static ResourceManager Resources { get; } = new("PreferenceUiKit.Components.Localization.RecipientText", typeof(RecipientText).Assembly);

    /// <summary>Languages the pages speak; the first is the fallback for anything else.</summary>
    public static IReadOnlyList<string> SupportedLanguages { get; } = ["en", "fr", "es", "hi"];

    /// <summary>
    /// Picks the page language from an <c>Accept-Language</c> header: the highest-quality entry whose primary language
    /// is supported (<c>fr-CA</c> gives French, <c>hi-IN</c> Hindi, <c>es-419</c> Spanish); English for anything else,
    /// including an absent or malformed header.
    /// </summary>
    public static CultureInfo CultureFromAcceptLanguage(string? acceptLanguage)
    {
        var best = (Lang: "en", Quality: -1.0, Index: 0);
        if (!string.IsNullOrWhiteSpace(acceptLanguage) && acceptLanguage.Length <= 4096)
        {
            var index = 0;
            foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                index++;
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var tag = pieces[0];
                var quality = 1.0;
                foreach (var parameter in pieces.Skip(1))
                {
                    if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase)
                        && !double.TryParse(parameter.AsSpan(2), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quality))
                        quality = 0;
                }
                if (quality <= 0 || quality > 1) continue;
                var primary = tag.Split('-', 2)[0].ToLowerInvariant();
                if (!SupportedLanguages.Contains(primary)) continue;
                if (quality > best.Quality) best = (primary, quality, index);
            }
        }
        return CultureInfo.GetCultureInfo(best.Lang);
    }
}

/// <summary>
/// <see cref="IStringLocalizer{T}"/> over <see cref="RecipientText.Resources"/>, following
/// <see cref="CultureInfo.CurrentUICulture"/>. Registered by <c>AddPreferenceCenter</c> so that the pages do not
/// depend on how the host configures its own localization (resources path, cultures).
/// </summary>
public sealed class RecipientTextLocalizer : IStringLocalizer<RecipientText>
{
    /// <inheritdoc />
    public LocalizedString this[string name]
    {
        get
        {
            var value = RecipientText.Resources.GetString(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    /// <inheritdoc />
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    /// <inheritdoc />
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = RecipientText.Resources.GetResourceSet(CultureInfo.CurrentUICulture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null) yield break;
        foreach (System.Collections.DictionaryEntry entry in set)
            yield return new LocalizedString((string)entry.Key, entry.Value as string ?? "");
    }
}
