using System.Text;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Benchmarks;

/// <summary>The real-world-sized fixture templates (tests/fixtures/templates) plus a ~100 KB one built from the newsletter.</summary>
public static class Templates
{
    public const string ManageUrl = "https://mail.example.com/email/preferences/AREBAGYTGKnB3sIXwIpYq6yX6wJ1aFvKyrSw3bXHr4mJxq0nNlOY7D1GBtGnU8SdUo4zHJUc5tWw";
    public const string UnsubscribeUrl = "https://mail.example.com/email/unsubscribe/AhEBAGYTGKnB3sIXwIpYq6yX6wJ1aFvKyrSw3bXHr4mJxq0nNlOY7D1GBtGnU8SdUo4zHJUc5tWw";

    public static string Load(string name)
    {
        if (name == "large") return Large();
        var dir = Path.Combine(AppContext.BaseDirectory, "templates");
        return File.ReadAllText(Path.Combine(dir, name + ".html"));
    }

    /// <summary>The newsletter with its article rows repeated until the email is about 100 KB.</summary>
    private static string Large()
    {
        var source = Load("newsletter");
        var first = source.IndexOf("<tr><td style=\"padding:24px 32px;border-bottom", StringComparison.Ordinal);
        var rowsEnd = source.LastIndexOf("</td></tr>", StringComparison.Ordinal);
        var rows = source[first..rowsEnd];
        var sb = new StringBuilder(source[..first]);
        while (sb.Length + rows.Length + (source.Length - first) < 100_000) sb.Append(rows);
        sb.Append(source[first..]);
        return sb.ToString();
    }

    /// <summary>The same template in Liquid / Handlebars syntax (the tags become variables).</summary>
    public static string ToLiquid(string html) => html
        .Replace(MergeTagNames.ManagePreferences, "{{ manage }}", StringComparison.Ordinal)
        .Replace(MergeTagNames.GroupUnsubscribe, "{{ unsubscribe }}", StringComparison.Ordinal);

    public static string ToHandlebars(string html) => html
        .Replace(MergeTagNames.ManagePreferences, "{{{manage}}}", StringComparison.Ordinal)
        .Replace(MergeTagNames.GroupUnsubscribe, "{{{unsubscribe}}}", StringComparison.Ordinal);
}
