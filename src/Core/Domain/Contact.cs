using System.Net.Mail;

namespace PreferenceUiKit.Core.Domain;

/// <summary>A person who receives email.</summary>
public sealed record Contact
{
    /// <summary>Opaque id; the only reference to the person that links carry.</summary>
    public required Guid Id { get; init; }
    /// <summary>Email address, normalized (trimmed; domain lower-cased).</summary>
    public required string Email { get; init; }
    /// <summary>Preferred language (e.g. <c>fr</c>), when known.</summary>
    public string? Locale { get; init; }

    /// <summary>Longest accepted address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Validates and normalizes an email address.</summary>
    /// <exception cref="PreferenceValidationException">The address is not a single plain mailbox.</exception>
    public static string NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new PreferenceValidationException("email", ErrorCodes.EmailRequired, "An email address is required.");
        if (trimmed.Length > MaxEmailLength || !TryParseMailbox(trimmed, out var normalized))
            throw new PreferenceValidationException("email", ErrorCodes.EmailInvalid, $"'{Truncate(trimmed)}' is not a valid email address.");
        return normalized;
    }

    /// <summary>Validates an optional locale tag such as <c>fr</c> or <c>es-419</c>.</summary>
    public static string? NormalizeLocale(string? locale)
    {
        var trimmed = locale?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > 35 || !trimmed.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            throw new PreferenceValidationException("locale", ErrorCodes.LocaleInvalid, $"'{Truncate(trimmed)}' is not a language tag.");
        return trimmed.Replace('_', '-');
    }

    private static bool TryParseMailbox(string s, out string normalized)
    {
        normalized = "";
        if (s.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')'))
            return false;
        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1 || s.IndexOf('@') != at) return false;
        var domain = s[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..")) return false;
        try
        {
            var parsed = new MailAddress(s);
            if (parsed.Address != s) return false;
        }
        catch (FormatException)
        {
            return false;
        }
        normalized = s[..at] + "@" + domain.ToLowerInvariant();
        return true;
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
