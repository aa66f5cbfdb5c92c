using System.Text.RegularExpressions;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Core.Linting;

/// <summary>How serious a finding is. Errors block a send (B7); warnings are shown.</summary>
public enum LintSeverity
{
    /// <summary>Worth a look.</summary>
    Warning = 1,
    /// <summary>The template cannot be sent as it is.</summary>
    Error = 2,
}

/// <summary>Stable finding codes; UIs translate them.</summary>
public static class LintCodes
{
    /// <summary>A <c>*|CT_…|*</c> tag that is misspelled or unknown.</summary>
    public const string UnknownTag = "unknown_tag";
    /// <summary>A CT tag name without its <c>*| |*</c> delimiters.</summary>
    public const string MalformedTag = "malformed_tag";
    /// <summary>S9: a Manage Email Preferences link while no subscription group exists.</summary>
    public const string ManageLinkWithoutGroups = "manage_link_without_groups";
    /// <summary>S1: a CT tag while the preference center mode is None.</summary>
    public const string TagUnderModeNone = "tag_under_mode_none";
    /// <summary>The template has no unsubscribe link at all.</summary>
    public const string NoUnsubscribeLink = "no_unsubscribe_link";
    /// <summary>A tag outside an <c>href</c> attribute: it prints a bare URL instead of making a link.</summary>
    public const string TagOutsideHref = "tag_outside_href";
    /// <summary>The template is larger than the linter accepts.</summary>
    public const string TemplateTooLarge = "template_too_large";
}

/// <summary>One finding, with its position (1-based line and column, 0-based offset) in the template.</summary>
public sealed record LintFinding(string Code, LintSeverity Severity, int Line, int Column, int Offset, int Length, string Message, string? Text = null, string? Suggestion = null);

/// <summary>What the linter needs to know besides the template.</summary>
/// <param name="Mode">The provider's preference-center mode.</param>
/// <param name="GroupsConfigured">Whether at least one non-archived subscription group exists.</param>
public sealed record LintContext(PreferenceCenterMode Mode, bool GroupsConfigured);

/// <summary>The linter's verdict.</summary>
public sealed record LintReport(IReadOnlyList<LintFinding> Findings)
{
    /// <summary>Whether any finding blocks sending.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == LintSeverity.Error);
    /// <summary>The findings that block sending.</summary>
    public IEnumerable<LintFinding> Errors => Findings.Where(f => f.Severity == LintSeverity.Error);
}

/// <summary>
/// Checks a template before it is saved or sent (rule B7): misspelled CT tags, a manage-preferences link while no
/// groups exist (S9), CT tags under mode None (S1), no unsubscribe link at all, tags outside <c>href</c>.
/// </summary>
public static partial class TemplateLinter
{
    /// <summary>Largest template the linter (and so the sender) accepts: 2 MiB of text.</summary>
    public const int MaxTemplateLength = 2 * 1024 * 1024;

    // Anything that looks like a CT tag: optional delimiters around CT_NAME, case-insensitive.
    [GeneratedRegex(@"[*|]{0,2}[ \t]*\bCT_[A-Za-z0-9_]*[ \t]*[*|]{0,2}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex TagLike();

    // A delimited tag with something that resembles our names inside: *|CT_MANAGE_PREFERENCE|*, *|MANAGE_PREFERENCES|*.
    [GeneratedRegex(@"\*\|[ \t]*([A-Za-z0-9_]{3,60})[ \t]*\|\*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Delimited();

    [GeneratedRegex(@"href[ \t\r\n]*=[ \t\r\n]*[""']?[^""'>]*unsubscribe", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex UnsubscribeHref();

    /// <summary>Lints a template.</summary>
    public static LintReport Lint(string? template, LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        template ??= "";
        var findings = new List<LintFinding>();
        var lines = new LineIndex(template);
        if (template.Length > MaxTemplateLength)
        {
            findings.Add(new LintFinding(LintCodes.TemplateTooLarge, LintSeverity.Error, 1, 1, 0, 0,
                $"The template has {template.Length} characters; at most {MaxTemplateLength} are accepted."));
            return new LintReport(findings);
        }

        var seen = new HashSet<int>();
        var linkedTags = 0;
        foreach (Match m in TagLike().Matches(template))
        {
            var text = m.Value.Trim(' ', '\t');
            var offset = m.Index + m.Value.IndexOf(text, StringComparison.Ordinal);
            seen.Add(offset);
            var known = MergeTagNames.All.FirstOrDefault(t => t.Tag == text);
            if (known.Tag is null)
            {
                // "*|CT_" alone (prose about tags) names nothing.
                if (text.Trim('*', '|').Length <= 3) continue;
                // A bare word such as CT_SCAN in prose is not a tag attempt unless it is close to one of ours.
                if (text.AsSpan().IndexOfAny('*', '|') < 0 && Nearest(text.ToUpperInvariant(), out _) is null) continue;
                findings.Add(Misspelled(lines, text, offset));
                continue;
            }
            var (line, col) = lines.Position(offset);
            if (context.Mode == PreferenceCenterMode.None)
                findings.Add(new LintFinding(LintCodes.TagUnderModeNone, LintSeverity.Error, line, col, offset, text.Length,
                    $"{text} cannot be used while the Email Preference Center is set to None. Choose System or Custom URL, or remove the tag.", text));
            if (known.Kind == LinkKind.ManagePreferences && !context.GroupsConfigured)
                findings.Add(new LintFinding(LintCodes.ManageLinkWithoutGroups, LintSeverity.Error, line, col, offset, text.Length,
                    $"{text} needs at least one subscription group. With no groups, add the Group Unsubscribe link ({MergeTagNames.GroupUnsubscribe}) instead.", text));
            if (IsInsideHref(template, offset))
                linkedTags++;
            else
                findings.Add(new LintFinding(LintCodes.TagOutsideHref, LintSeverity.Warning, line, col, offset, text.Length,
                    $"{text} is not inside an href attribute, so it shows as a bare address. Use <a href=\"{text}\">…</a>.", text));
        }

        foreach (Match m in Delimited().Matches(template))
        {
            if (seen.Contains(m.Index) || MergeTagNames.All.Any(t => t.Tag == m.Value)) continue;
            var name = m.Groups[1].Value;
            if (Nearest(name.ToUpperInvariant(), out _) is null) continue; // someone else's merge tag (e.g. *|FNAME|*)
            findings.Add(Misspelled(lines, m.Value, m.Index));
        }

        var hasUnsubscribe = linkedTags > 0 || (context.Mode == PreferenceCenterMode.None && UnsubscribeHref().IsMatch(template));
        if (!hasUnsubscribe)
        {
            var severity = context.Mode == PreferenceCenterMode.None ? LintSeverity.Warning : LintSeverity.Error;
            var message = context.Mode == PreferenceCenterMode.None
                ? "No unsubscribe link was found. Every marketing email needs one."
                : $"The template has no unsubscribe link. Add <a href=\"{MergeTagNames.GroupUnsubscribe}\">Unsubscribe</a>" +
                  (context.GroupsConfigured ? $" or <a href=\"{MergeTagNames.ManagePreferences}\">Manage preferences</a>." : ".");
            findings.Add(new LintFinding(LintCodes.NoUnsubscribeLink, severity, 1, 1, 0, 0, message));
        }

        return new LintReport(findings.OrderBy(f => f.Offset).ThenBy(f => f.Code, StringComparer.Ordinal).ToList());
    }

    private static LintFinding Misspelled(LineIndex lines, string text, int offset)
    {
        var (line, col) = lines.Position(offset);
        var name = text.Trim('*', '|', ' ', '\t').ToUpperInvariant();
        var suggestion = Nearest(name, out var exactName);
        var delimited = text.StartsWith("*|", StringComparison.Ordinal) && text.EndsWith("|*", StringComparison.Ordinal);
        if (exactName && !delimited)
            return new LintFinding(LintCodes.MalformedTag, LintSeverity.Error, line, col, offset, text.Length,
                $"'{text}' is missing its delimiters: write {suggestion}.", text, suggestion);
        return new LintFinding(LintCodes.UnknownTag, LintSeverity.Error, line, col, offset, text.Length,
            suggestion is null ? $"'{text}' is not a known tag." : $"'{text}' is not a known tag. Did you mean {suggestion}?", text, suggestion);
    }

    /// <summary>The known tag nearest to a name (edit distance ≤ 4, or a case-only difference).</summary>
    private static string? Nearest(string upperName, out bool exactName)
    {
        exactName = false;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (tag, _) in MergeTagNames.All)
        {
            var knownName = tag[2..^2];
            var candidate = upperName.StartsWith("CT_", StringComparison.Ordinal) ? upperName : "CT_" + upperName;
            var d = Distance(candidate, knownName);
            if (d < bestDistance) { bestDistance = d; best = tag; exactName = d == 0 && upperName == knownName; }
        }
        return bestDistance <= 4 ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>Whether an offset lies inside the value of an <c>href</c> attribute of an HTML start tag.</summary>
    private static bool IsInsideHref(string html, int offset)
    {
        var span = html.AsSpan(0, offset);
        var lt = span.LastIndexOf('<');
        if (lt < 0 || span.LastIndexOf('>') > lt) return false;
        var inTag = span[lt..];
        var eq = inTag.LastIndexOf('=');
        if (eq < 0) return false;
        var value = inTag[(eq + 1)..].TrimStart(" \t\r\n");
        if (value.Length > 0 && (value[0] == '"' || value[0] == '\''))
        {
            if (value[1..].IndexOf(value[0]) >= 0) return false; // the quoted value closed before the tag
        }
        else if (value.IndexOfAny(" \t\r\n") >= 0) return false;
        var name = inTag[..eq].TrimEnd(" \t\r\n");
        return name.EndsWith("href", StringComparison.OrdinalIgnoreCase)
            && (name.Length == 4 || name[^5] is ' ' or '\t' or '\r' or '\n');
    }

    private sealed class LineIndex(string text)
    {
        private readonly List<int> _starts = BuildStarts(text);

        private static List<int> BuildStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
                if (text[i] == '\n') starts.Add(i + 1);
            return starts;
        }

        public (int Line, int Column) Position(int offset)
        {
            var i = _starts.BinarySearch(offset);
            if (i < 0) i = ~i - 1;
            return (i + 1, offset - _starts[i] + 1);
        }
    }
}
