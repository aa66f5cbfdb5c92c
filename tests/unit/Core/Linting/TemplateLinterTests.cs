using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;

namespace PreferenceUiKit.Core.Tests.Linting;

public class TemplateLinterTests
{
    private static readonly LintContext System = new(PreferenceCenterMode.System, GroupsConfigured: true);
    private static readonly LintContext NoGroups = new(PreferenceCenterMode.System, GroupsConfigured: false);
    private static readonly LintContext ModeNone = new(PreferenceCenterMode.None, GroupsConfigured: true);

    [Fact]
    public void A_template_with_both_links_in_hrefs_is_clean()
    {
        var report = TemplateLinter.Lint("<p><a href=\"*|CT_MANAGE_PREFERENCES|*\">Prefs</a> <a href='*|CT_GROUP_UNSUBSCRIBE|*'>Unsubscribe</a></p>", System);
        Assert.Empty(report.Findings);
        Assert.False(report.HasErrors);
    }

    [Theory]
    [InlineData("*|CT_MANAGE_PREFERENCE|*", "*|CT_MANAGE_PREFERENCES|*")]
    [InlineData("*|CT_GROUP_UNSUBSCRIBED|*", "*|CT_GROUP_UNSUBSCRIBE|*")]
    [InlineData("*|ct_group_unsubscribe|*", "*|CT_GROUP_UNSUBSCRIBE|*")]
    [InlineData("*|MANAGE_PREFERENCES|*", "*|CT_MANAGE_PREFERENCES|*")]
    [InlineData("*|CT_UNSUBSCRIBE_GROUP|*", null)]
    public void B7_misspelled_tags_are_errors_with_a_suggestion_and_position(string tag, string? suggestion)
    {
        var html = "<html>\n<body>\n  <a href=\"" + tag + "\">x</a> <a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>\n</body>";

        var finding = Assert.Single(TemplateLinter.Lint(html, System).Findings, f => f.Code == LintCodes.UnknownTag);

        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal(3, finding.Line);
        Assert.Equal(12, finding.Column);
        Assert.Equal(html.IndexOf(tag, StringComparison.Ordinal), finding.Offset);
        Assert.Equal(tag.Length, finding.Length);
        Assert.Equal(suggestion, finding.Suggestion);
    }

    [Theory]
    [InlineData("CT_MANAGE_PREFERENCES")]
    [InlineData("|CT_MANAGE_PREFERENCES|")]
    [InlineData("*CT_GROUP_UNSUBSCRIBE*")]
    public void B7_tags_missing_delimiters_are_errors(string tag)
    {
        var html = $"<a href=\"{tag}\">x</a><a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>";
        var finding = Assert.Single(TemplateLinter.Lint(html, System).Errors);
        Assert.Equal(LintCodes.MalformedTag, finding.Code);
        Assert.Equal(1, finding.Line);
        Assert.Equal(10, finding.Column);
    }

    [Fact]
    public void Another_tools_merge_tags_and_prose_are_left_alone()
    {
        var report = TemplateLinter.Lint("<p>Hi *|FNAME|*, our CT_SCAN results *|LIST:ADDRESS|*</p><a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>", System);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void S9_manage_link_with_no_groups_is_an_error_that_names_the_alternative()
    {
        var html = "<a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>\n<a href=\"*|CT_MANAGE_PREFERENCES|*\">m</a>";

        var finding = Assert.Single(TemplateLinter.Lint(html, NoGroups).Findings);

        Assert.Equal(LintCodes.ManageLinkWithoutGroups, finding.Code);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal((2, 10), (finding.Line, finding.Column));
        Assert.Contains("*|CT_GROUP_UNSUBSCRIBE|*", finding.Message);
    }

    [Fact]
    public void S1_any_tag_under_mode_none_is_an_error()
    {
        var report = TemplateLinter.Lint("<a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a><a href=\"*|CT_MANAGE_PREFERENCES|*\">m</a>", ModeNone);
        Assert.Equal(2, report.Errors.Count(f => f.Code == LintCodes.TagUnderModeNone));
        Assert.Equal([9, 49], report.Findings.Select(f => f.Offset));
    }

    [Fact]
    public void B7_no_unsubscribe_link_at_all_is_an_error()
    {
        var finding = Assert.Single(TemplateLinter.Lint("<p>Hello</p><a href=\"https://example.com\">shop</a>", System).Findings);
        Assert.Equal(LintCodes.NoUnsubscribeLink, finding.Code);
        Assert.Equal(LintSeverity.Error, finding.Severity);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
    }

    [Fact]
    public void Under_mode_none_an_own_unsubscribe_link_satisfies_the_check()
    {
        Assert.Empty(TemplateLinter.Lint("<a href=\"https://shop.example.com/unsubscribe?u=1\">Unsubscribe</a>", ModeNone).Findings);
        Assert.Equal(LintSeverity.Warning, Assert.Single(TemplateLinter.Lint("<p>hi</p>", ModeNone).Findings).Severity);
    }

    [Theory]
    [InlineData("<p>Copy *|CT_GROUP_UNSUBSCRIBE|* into your browser</p>")]
    [InlineData("<a title=\"*|CT_GROUP_UNSUBSCRIBE|*\" href=\"x\">u</a>")]
    [InlineData("<a href=\"x\" data-x=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>")]
    [InlineData("<a data-href=\"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>")]
    public void A_tag_outside_an_href_is_a_warning_and_is_not_an_unsubscribe_link(string html)
    {
        var report = TemplateLinter.Lint(html, System);
        Assert.Contains(report.Findings, f => f.Code == LintCodes.TagOutsideHref && f.Severity == LintSeverity.Warning);
        Assert.Contains(report.Findings, f => f.Code == LintCodes.NoUnsubscribeLink);
    }

    [Theory]
    [InlineData("<a href=*|CT_GROUP_UNSUBSCRIBE|*>u</a>")]
    [InlineData("<a class=\"x\"\n   HREF = \"*|CT_GROUP_UNSUBSCRIBE|*\">u</a>")]
    public void Unquoted_and_spaced_href_attributes_count(string html)
        => Assert.Empty(TemplateLinter.Lint(html, System).Findings);

    [Fact]
    public void Bad_input_never_throws()
    {
        Assert.Single(TemplateLinter.Lint(null, System).Findings);
        Assert.Single(TemplateLinter.Lint("", System).Findings);
        var huge = TemplateLinter.Lint(new string('a', TemplateLinter.MaxTemplateLength + 1), System);
        Assert.Equal(LintCodes.TemplateTooLarge, Assert.Single(huge.Findings).Code);
        var junk = TemplateLinter.Lint(string.Concat(Enumerable.Repeat("*|CT_<\"'=|*", 5000)), System);
        Assert.True(junk.HasErrors);
    }

    [Fact]
    public void The_real_sized_newsletter_fixture_lints_with_only_its_intended_warning()
    {
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templates", "newsletter.html"));
        var finding = Assert.Single(TemplateLinter.Lint(html, System).Findings);
        Assert.Equal(LintCodes.TagOutsideHref, finding.Code); // the "paste into your browser" line
    }
}
