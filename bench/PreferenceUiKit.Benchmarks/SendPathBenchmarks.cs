using System.Buffers;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using MimeKit;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.Host.Sending;

namespace PreferenceUiKit.Benchmarks;

/// <summary>
/// The whole per-recipient send path as <c>CampaignSender</c> runs it (sign the links, render, build the MIME message
/// with the List-Unsubscribe headers, write it out) against writing the same message bytes alone.
/// Both write into the same reused in-memory stream, which stands for the SMTP socket or pickup file.
/// </summary>
[MemoryDiagnoser]
public class SendPathBenchmarks
{
    [Params("receipt", "newsletter", "large")]
    public string Template { get; set; } = "newsletter";

    private CompiledTemplate _template = null!;
    private PreferenceLinkBuilder _links = null!;
    private CampaignMessageFactory _factory = null!;
    private ProviderSettings _settings = null!;
    private ArrayBufferWriter<byte> _body = null!;
    private MemoryStream _sink = null!;
    // The wire format (SMTP, DKIM): CRLF line ends.
    private static readonly FormatOptions Wire = new() { NewLineFormat = NewLineFormat.Dos };
    private byte[] _messageBytes = [];
    private readonly Guid _campaign = Guid.NewGuid();
    private readonly Guid[] _contacts = Enumerable.Range(0, 1024).Select(_ => Guid.NewGuid()).ToArray();
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _template = CompiledTemplate.Compile(Templates.Load(Template));
        var signer = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate(1)));
        _links = new PreferenceLinkBuilder(signer, new PreferenceCenterUrls(new Uri("https://mail.example.com")));
        _factory = new CampaignMessageFactory(Options.Create(new MailOptions { From = "News <news@example.com>" }));
        _settings = ProviderSettings.Default;
        _body = new ArrayBufferWriter<byte>(256 * 1024);
        _sink = new MemoryStream(1024 * 1024);
        OursSendPath();
        _messageBytes = _sink.ToArray();
        var parsed = MimeMessage.Load(new MemoryStream(_messageBytes));
        _sink.Position = 0; _sink.SetLength(0);
        Utf8SendPath();
        var reference = MimeMessage.Load(new MemoryStream(_sink.ToArray()));
        static string Normalize(string html, string url) => System.Text.RegularExpressions.Regex.Replace(html.ReplaceLineEndings("\n"), "/(preferences|unsubscribe)/[A-Za-z0-9_-]+", "/$1/T");
        if (Normalize(parsed.HtmlBody ?? "", "") != Normalize(reference.HtmlBody ?? "", ""))
            throw new InvalidOperationException("the pre-encoded body decodes differently from MimeKit's own encoding");
        if (parsed.Headers[HeaderId.ListUnsubscribe] is null || parsed.HtmlBody is null || parsed.HtmlBody.Contains(MergeTagNames.GroupUnsubscribe, StringComparison.Ordinal)
            || !parsed.HtmlBody.Contains("https://mail.example.com/email/unsubscribe/", StringComparison.Ordinal)
            || parsed.HtmlBody.Length < _template.LiteralLength)
            throw new InvalidOperationException("the message is not what the sender sends");
    }

    [Benchmark(Baseline = true, Description = "floor: write the same message bytes alone")]
    public long WriteBytesFloor()
    {
        _sink.Position = 0;
        _sink.Write(_messageBytes);
        return _sink.Position;
    }

    [Benchmark(Description = "ours: sign links + render pre-encoded QP + MIME (List-Unsubscribe) + write")]
    public long OursSendPath()
    {
        var contact = _contacts[_next++ & 1023];
        _body.ResetWrittenCount();
        _template.RenderQuotedPrintableTo(_body, _links.BuildRecipientLinks(_settings, contact, _campaign));
        MemoryMarshal.TryGetArray(_body.WrittenMemory, out var html);
        var oneClick = _links.BuildOneClickUrl(contact, _campaign);
        var token = oneClick[(oneClick.LastIndexOf('/') + 1)..];
        var message = _factory.CreateEncoded("reader@example.org", "This week", html, oneClick, token);
        _sink.Position = 0;
        message.WriteTo(Wire, _sink);
        return _sink.Position;
    }

    [Benchmark(Description = "contrast: render UTF-8, MimeKit encodes QP per email")]
    public long Utf8SendPath()
    {
        var contact = _contacts[_next++ & 1023];
        _body.ResetWrittenCount();
        _template.RenderUtf8To(_body, _links.BuildRecipientLinks(_settings, contact, _campaign));
        MemoryMarshal.TryGetArray(_body.WrittenMemory, out var html);
        var oneClick = _links.BuildOneClickUrl(contact, _campaign);
        var token = oneClick[(oneClick.LastIndexOf('/') + 1)..];
        var message = _factory.Create("reader@example.org", "This week", html, oneClick, token);
        _sink.Position = 0;
        message.WriteTo(Wire, _sink);
        return _sink.Position;
    }

    [Benchmark(Description = "contrast: previous path (new string per email)")]
    public long StringPath()
    {
        var contact = _contacts[_next++ & 1023];
        var html = _template.Render(_links.BuildRecipientLinks(_settings, contact, _campaign));
        var oneClick = _links.BuildOneClickUrl(contact, _campaign);
        var token = oneClick[(oneClick.LastIndexOf('/') + 1)..];
        var message = _factory.Create("reader@example.org", "This week", html, oneClick, token);
        _sink.Position = 0;
        message.WriteTo(Wire, _sink);
        return _sink.Position;
    }
}
