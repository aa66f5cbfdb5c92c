using System.Globalization;
using System.Resources;
using PreferenceUiKit.Components.Localization;

namespace PreferenceUiKit.Components.Tests.Localization;

public class RecipientTextTests
{
    [Theory]
    [InlineData("fr-CA", "fr")]
    [InlineData("hi-IN", "hi")]
    [InlineData("es-419", "es")]
    [InlineData("en-GB", "en")]
    [InlineData("de-DE, fr;q=0.5", "fr")]
    [InlineData("fr;q=0.2, es;q=0.9", "es")]
    [InlineData("fr;q=0, de", "en")]
    [InlineData("*", "en")]
    [InlineData("de", "en")]
    [InlineData("", "en")]
    [InlineData(null, "en")]
    [InlineData(";;;,,,q=", "en")]
    [InlineData("fr;q=abc", "en")]
    [InlineData("\u0000\u00ff", "en")]
    public void Culture_comes_from_accept_language(string? header, string expected)
        => Assert.Equal(expected, RecipientText.CultureFromAcceptLanguage(header).Name);

    private static Dictionary<string, string> Strings(string culture)
    {
        var set = RecipientText.Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?? throw new MissingManifestResourceException(culture);
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("hi")]
    public void Every_text_is_translated(string culture)
    {
        var english = Strings(CultureInfo.InvariantCulture.Name);
        var translated = Strings(culture);
        Assert.Equal(english.Keys.Order(), translated.Keys.Order());
        Assert.All(english, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[e.Key]), e.Key);
            Assert.NotEqual(e.Value, translated[e.Key]);
            Assert.Equal(e.Value.Contains("{0}"), translated[e.Key].Contains("{0}"));
        });
    }

    [Fact]
    public void Hindi_is_written_in_devanagari()
        => Assert.All(Strings("hi").Values, v => Assert.Contains(v, c => c is >= '\u0900' and <= '\u097F'));

    [Fact]
    public void Core_error_codes_a_recipient_can_meet_are_translated()
    {
        foreach (var culture in new[] { "en", "fr", "es", "hi" })
            Assert.NotNull(RecipientText.Resources.GetString("Error_" + PreferenceUiKit.Core.Domain.ErrorCodes.UnknownGroups, CultureInfo.GetCultureInfo(culture)));
    }
}
