using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Host.Sending;

/// <summary>
/// Builds one recipient's MIME message: the rendered HTML, <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>
/// (B1), and a DKIM signature over both when a key is configured.
/// </summary>
public sealed class CampaignMessageFactory
{
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId,
        HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost, HeaderId.MimeVersion, HeaderId.ContentType,
    ];

    private readonly MailOptions _options;
    private readonly MailboxAddress _from;
    private readonly DkimSigner? _dkim;

    /// <summary>Creates the factory from the <c>Mail</c> options.</summary>
    public CampaignMessageFactory(IOptions<MailOptions> options)
    {
        _options = options.Value;
        _from = MailboxAddress.Parse(_options.From);
        var dkim = _options.Dkim;
        if (!string.IsNullOrWhiteSpace(dkim.PrivateKeyPath))
        {
            _dkim = new DkimSigner(dkim.PrivateKeyPath, dkim.Domain ?? _from.Domain, dkim.Selector)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                AgentOrUserIdentifier = "@" + (dkim.Domain ?? _from.Domain),
            };
        }
    }

    /// <summary>Whether messages are DKIM-signed.</summary>
    public bool Signs => _dkim is not null;

    /// <summary>Builds a message.</summary>
    /// <param name="to">Recipient address.</param>
    /// <param name="subject">Subject line.</param>
    /// <param name="html">The rendered HTML body.</param>
    /// <param name="oneClickUrl">The https URL that takes the RFC 8058 POST.</param>
    /// <param name="token">The one-click token, used as the mailto subject when an unsubscribe mailbox is configured.</param>
    public MimeMessage Create(string to, string subject, string html, string oneClickUrl, string? token = null)
    {
        var message = CreateEnvelope(to, subject, oneClickUrl, token);
        message.Body = new TextPart("html") { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        return Finish(message);
    }

    /// <summary>
    /// Builds a message whose HTML body is read from UTF-8 bytes when the message is written, so a sender can
    /// render every recipient into one reused buffer instead of a new string per email.
    /// </summary>
    /// <param name="to">Recipient address.</param>
    /// <param name="subject">Subject line.</param>
    /// <param name="htmlUtf8">The rendered HTML body in UTF-8; it must stay unchanged until the message has been written.</param>
    /// <param name="oneClickUrl">The https URL that takes the RFC 8058 POST.</param>
    /// <param name="token">The one-click token, used as the mailto subject when an unsubscribe mailbox is configured.</param>
    public MimeMessage Create(string to, string subject, ArraySegment<byte> htmlUtf8, string oneClickUrl, string? token = null)
    {
        var message = CreateEnvelope(to, subject, oneClickUrl, token);
        var part = new TextPart("html")
        {
            Content = new MimeContent(new MemoryStream(htmlUtf8.Array ?? [], htmlUtf8.Offset, htmlUtf8.Count, writable: false)),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        part.ContentType.Charset = "utf-8";
        message.Body = part;
        return Finish(message);
    }

    /// <summary>
    /// Builds a message whose HTML body is given already encoded as quoted-printable UTF-8 (as
    /// <c>CompiledTemplate.RenderQuotedPrintableTo</c> renders it): MimeKit writes it as it is, without encoding it again.
    /// </summary>
    /// <param name="to">Recipient address.</param>
    /// <param name="subject">Subject line.</param>
    /// <param name="quotedPrintableHtml">The encoded body; it must stay unchanged until the message has been written.</param>
    /// <param name="oneClickUrl">The https URL that takes the RFC 8058 POST.</param>
    /// <param name="token">The one-click token, used as the mailto subject when an unsubscribe mailbox is configured.</param>
    public MimeMessage CreateEncoded(string to, string subject, ArraySegment<byte> quotedPrintableHtml, string oneClickUrl, string? token = null)
    {
        var message = CreateEnvelope(to, subject, oneClickUrl, token);
        var part = new PreEncodedTextPart(quotedPrintableHtml)
        {
            Content = new MimeContent(new MemoryStream(quotedPrintableHtml.Array ?? [], quotedPrintableHtml.Offset, quotedPrintableHtml.Count, writable: false),
                ContentEncoding.QuotedPrintable),
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        part.ContentType.Charset = "utf-8";
        message.Body = part;
        return Finish(message);
    }

    private MimeMessage CreateEnvelope(string to, string subject, string oneClickUrl, string? token)
    {
        var message = new MimeMessage();
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = DateTimeOffset.UtcNow;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(_from.Domain);
        message.Headers.Add(HeaderId.ListUnsubscribe, ListUnsubscribeHeaders.BuildListUnsubscribe(
            oneClickUrl, _options.UnsubscribeMailbox, token is null ? null : "unsubscribe " + token));
        message.Headers.Add(HeaderId.ListUnsubscribePost, ListUnsubscribeHeaders.OneClickValue);
        return message;
    }

    private MimeMessage Finish(MimeMessage message)
    {
        if (_dkim is not null)
        {
            message.Prepare(EncodingConstraint.SevenBit);
            _dkim.Sign(message, SignedHeaders);
        }
        return message;
    }
}

/// <summary>
/// An HTML part whose content is already quoted-printable with CRLF line ends. Written with CRLF line ends (SMTP,
/// DKIM), its bytes are copied as they are instead of passing through MimeKit's per-byte line-ending filter; with
/// any other format it is written by MimeKit as usual.
/// </summary>
internal sealed class PreEncodedTextPart(ArraySegment<byte> encoded) : TextPart("html")
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private bool CanCopy(FormatOptions options, bool contentOnly) =>
        options.NewLineFormat == NewLineFormat.Dos && !contentOnly && Content is { Encoding: ContentEncoding.QuotedPrintable }
        && ContentTransferEncoding == ContentEncoding.QuotedPrintable;

    /// <inheritdoc />
    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!CanCopy(options, contentOnly))
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
            return;
        }
        var content = Content;
        Content = null; // the headers only
        try
        {
            base.WriteTo(options, stream, contentOnly, cancellationToken);
        }
        finally
        {
            Content = content;
        }
        stream.Write(encoded);
        if (!EndsWithNewLine()) stream.Write(CrLf);
    }

    /// <inheritdoc />
    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        if (!CanCopy(options, contentOnly))
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
            return;
        }
        var content = Content;
        Content = null;
        try
        {
            await base.WriteToAsync(options, stream, contentOnly, cancellationToken);
        }
        finally
        {
            Content = content;
        }
        await stream.WriteAsync(encoded, cancellationToken);
        if (!EndsWithNewLine()) await stream.WriteAsync(CrLf.ToArray(), cancellationToken);
    }

    private bool EndsWithNewLine() => encoded.Count >= 2 && encoded[^2] == (byte)'\r' && encoded[^1] == (byte)'\n';
}
