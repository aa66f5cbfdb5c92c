using System.Globalization;
using System.Reflection;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.EditorPlugin.Localization;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin.Tests.Localization;

public sealed class LocalizationTests
{
    [Theory]
    [InlineData("fr-CA", "Liens spéciaux")]
    [InlineData("es-MX", "Enlaces especiales")]
    [InlineData("hi-IN", "विशेष लिंक")]
    [InlineData("de-DE", "Special links")]
    [InlineData("", "Special links")]
    public void A_culture_finds_its_language_and_falls_back_to_English(string culture, string expected)
        => Assert.Equal(expected, EditorTexts.SpecialLinks.For(CultureInfo.GetCultureInfo(culture)));

    public static TheoryData<string> EveryText()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in AllTexts()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryText))]
    public void Every_user_facing_text_exists_in_english_french_spanish_and_hindi(string name)
    {
        var text = AllTexts().Single(t => t.Name == name).Text;

        foreach (var language in LocalizedText.SupportedLanguages)
            Assert.False(string.IsNullOrWhiteSpace(text.Translations.GetValueOrDefault(language)), $"{name} has no '{language}' text");
    }

    [Fact]
    public void Hindi_texts_are_written_in_devanagari()
    {
        foreach (var (name, text) in AllTexts())
            Assert.True(text.Translations["hi"].Any(c => c is >= '\u0900' and <= '\u097F'), $"{name} is not in Devanagari: {text.Translations["hi"]}");
    }

    private static IEnumerable<(string Name, LocalizedText Text)> AllTexts()
    {
        const BindingFlags all = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var type in new[] { typeof(EditorTexts), typeof(LintMessages) })
            foreach (var field in type.GetFields(all).Where(f => f.FieldType == typeof(LocalizedText)))
                yield return ($"{type.Name}.{field.Name}", (LocalizedText)field.GetValue(null)!);
        foreach (var link in SpecialLinkCatalog.CreateDefault())
        {
            yield return ($"{link.Id}.Label", link.Label);
            yield return ($"{link.Id}.LinkText", link.LinkText);
            if (link.RefusalWithoutGroups is { } refusal) yield return ($"{link.Id}.Refusal", refusal);
        }
        yield return ("category.unsubscribe", SpecialLinkCategory.Unsubscribe.Label);
    }

    public static TheoryData<string> EveryLintCode()
    {
        var data = new TheoryData<string>();
        foreach (var f in typeof(LintCodes).GetFields(BindingFlags.Public | BindingFlags.Static)) data.Add((string)f.GetValue(null)!);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryLintCode))]
    public void Every_lint_code_is_said_in_each_language(string code)
    {
        var finding = new LintFinding(code, LintSeverity.Error, 1, 1, 0, 5, "core message", "*|CT_MANAGE_PREFERENCE|*", "*|CT_MANAGE_PREFERENCES|*");
        var context = new LintContext(PreferenceCenterMode.System, GroupsConfigured: true);

        var said = LocalizedText.SupportedLanguages.Select(l => LintMessages.Describe(finding, context, CultureInfo.GetCultureInfo(l))).ToList();

        Assert.DoesNotContain("core message", said);
        Assert.Equal(4, said.Distinct().Count());
    }

    [Fact]
    public void A_misspelled_tag_finding_names_the_tag_and_the_fix()
    {
        var report = TemplateLinter.Lint("<a href=\"*|CT_MANAGE_PREFERENCE|*\">x</a>", new LintContext(PreferenceCenterMode.System, true));
        var finding = Assert.Single(report.Findings, f => f.Code == LintCodes.UnknownTag);

        var french = LintMessages.Describe(finding, new LintContext(PreferenceCenterMode.System, true), CultureInfo.GetCultureInfo("fr"));

        Assert.Equal("« *|CT_MANAGE_PREFERENCE|* » n'est pas une balise connue. Vouliez-vous dire *|CT_MANAGE_PREFERENCES|* ?", french);
    }

    [Fact]
    public void The_no_unsubscribe_advice_offers_the_preference_center_only_when_groups_exist()
    {
        var finding = new LintFinding(LintCodes.NoUnsubscribeLink, LintSeverity.Error, 1, 1, 0, 0, "x");
        var english = CultureInfo.GetCultureInfo("en");

        Assert.Contains("*|CT_MANAGE_PREFERENCES|*", LintMessages.Describe(finding, new LintContext(PreferenceCenterMode.System, true), english));
        Assert.DoesNotContain("*|CT_MANAGE_PREFERENCES|*", LintMessages.Describe(finding, new LintContext(PreferenceCenterMode.System, false), english));
    }
}
