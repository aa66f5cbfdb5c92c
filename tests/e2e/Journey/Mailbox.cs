using System.Text.RegularExpressions;
using MimeKit;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>A message the host wrote to its pickup folder, read back with MimeKit.</summary>
/// <param name="Path">The <c>.eml</c> file.</param>
/// <param name="Message">The parsed message.</param>
public sealed partial record SentMail(string Path, MimeMessage Message)
{
    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    /// <summary>Every link of the HTML body, decoded.</summary>
    public IReadOnlyList<string> Links => Href().Matches(Message.HtmlBody ?? "").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The Manage Email Preferences link of the body.</summary>
    public string ManagePreferencesLink => Links.Single(l => l.Contains("/email/preferences/", StringComparison.Ordinal));

    /// <summary>The Group Unsubscribe link of the body.</summary>
    public string GroupUnsubscribeLink => Links.Single(l => l.Contains("/email/unsubscribe/", StringComparison.Ordinal));

    /// <summary>The https/http address of the <c>List-Unsubscribe</c> header.</summary>
    public string? ListUnsubscribeUrl => Regex.Match(Message.Headers["List-Unsubscribe"] ?? "", "<(https?://[^>]+)>") is { Success: true } m ? m.Groups[1].Value : null;
}

/// <summary>The host's mail pickup folder.</summary>
public sealed class Mailbox(string folder)
{
    /// <summary>Every message to an address whose subject contains a text.</summary>
    public IReadOnlyList<SentMail> To(string email, string subjectContains)
    {
        if (!Directory.Exists(folder)) return [];
        var found = new List<SentMail>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml"))
        {
            var message = MimeMessage.Load(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase))
                && (message.Subject ?? "").Contains(subjectContains, StringComparison.Ordinal))
                found.Add(new SentMail(file, message));
        }
        return found;
    }

    /// <summary>The single message to an address with a subject; fails naming the folder when there is none or several.</summary>
    public SentMail Single(string email, string subjectContains)
    {
        var found = To(email, subjectContains);
        if (found.Count != 1)
            throw new Xunit.Sdk.XunitException($"Expected one message to {email} with \"{subjectContains}\" in its subject in {folder}, found {found.Count}.");
        return found[0];
    }
}
