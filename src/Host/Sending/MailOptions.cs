namespace PreferenceUiKit.Host.Sending;

/// <summary>How outgoing mail leaves the host (configuration section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Mail";

    /// <summary><c>Pickup</c> (default: <c>.eml</c> files in <see cref="PickupDirectory"/>) or <c>Smtp</c>.</summary>
    public MailDeliveryKind Delivery { get; set; } = MailDeliveryKind.Pickup;
    /// <summary>Where pickup delivery writes <c>.eml</c> files.</summary>
    public string PickupDirectory { get; set; } = "./data/mail";
    /// <summary>The From address of campaigns.</summary>
    public string From { get; set; } = "PreferenceUiKit Demo <news@localhost>";
    /// <summary>An address that unsubscribes on receipt, added as a <c>mailto:</c> to <c>List-Unsubscribe</c> when set.</summary>
    public string? UnsubscribeMailbox { get; set; }
    /// <summary>SMTP settings (MailKit).</summary>
    public SmtpOptions Smtp { get; set; } = new();
    /// <summary>DKIM signing, when a key is configured.</summary>
    public DkimOptions Dkim { get; set; } = new();
}

/// <summary>Delivery methods.</summary>
public enum MailDeliveryKind
{
    /// <summary>Write each message as an <c>.eml</c> file to a folder.</summary>
    Pickup,
    /// <summary>Send through an SMTP server.</summary>
    Smtp,
}

/// <summary>SMTP server settings.</summary>
public sealed class SmtpOptions
{
    /// <summary>Server host name.</summary>
    public string Host { get; set; } = "localhost";
    /// <summary>Port (587 submission by default).</summary>
    public int Port { get; set; } = 587;
    /// <summary><c>Auto</c>, <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> (MailKit's SecureSocketOptions).</summary>
    public string Tls { get; set; } = "Auto";
    /// <summary>User name, if the server needs one.</summary>
    public string? User { get; set; }
    /// <summary>Password.</summary>
    public string? Password { get; set; }
}

/// <summary>DKIM signing (RFC 6376) with MimeKit; the signature covers the List-Unsubscribe headers (RFC 8058 §3).</summary>
public sealed class DkimOptions
{
    /// <summary>Path of the PEM private key; signing is off when empty.</summary>
    public string? PrivateKeyPath { get; set; }
    /// <summary>The signing domain (d=).</summary>
    public string? Domain { get; set; }
    /// <summary>The selector (s=).</summary>
    public string Selector { get; set; } = "default";
}
