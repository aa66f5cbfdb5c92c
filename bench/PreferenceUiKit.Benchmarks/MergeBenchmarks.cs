using System.Buffers;
using BenchmarkDotNet.Attributes;
using Fluid;
using HandlebarsDotNet;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Benchmarks;

/// <summary>
/// Mail merge of one recipient: the copy floor, the peers into a reused writer, and ours into the sink the sender
/// really uses (UTF-8 in a reused buffer that MimeKit reads the body from).
/// </summary>
[MemoryDiagnoser]
public class MergeBenchmarks
{
    [Params("receipt", "digest", "newsletter", "large")]
    public string Template { get; set; } = "newsletter";

    private string _source = "";
    private (int Start, int Length, string? Url)[] _split = [];
    private char[] _floorBuffer = [];
    private CompiledTemplate _ours = null!;
    private ArrayBufferWriter<byte> _utf8Sink = null!;
    private ArrayBufferWriter<char> _charSink = null!;
    private ArrayBufferWriter<byte> _qpSink = null!;
    private IFluidTemplate _fluid = null!;
    private TemplateContext _fluidContext = null!;
    private StringWriter _fluidWriter = null!;
    private HandlebarsTemplate<TextWriter, object, object> _handlebars = null!;
    private object _handlebarsData = null!;
    private StringWriter _handlebarsWriter = null!;
    private RecipientLinks _links;

    [GlobalSetup]
    public void Setup()
    {
        _source = Templates.Load(Template);
        _links = new RecipientLinks(Templates.ManageUrl, Templates.UnsubscribeUrl);
        _ours = CompiledTemplate.Compile(_source);
        _utf8Sink = new ArrayBufferWriter<byte>(_source.Length * 2);
        _charSink = new ArrayBufferWriter<char>(_source.Length * 2);
        _qpSink = new ArrayBufferWriter<byte>(_source.Length * 4);

        // The floor: the template pre-split at its tags, copied slice by slice with the URLs into one reused buffer.
        var split = new List<(int, int, string?)>();
        var pos = 0;
        while (true)
        {
            var m = _source.IndexOf(MergeTagNames.ManagePreferences, pos, StringComparison.Ordinal);
            var u = _source.IndexOf(MergeTagNames.GroupUnsubscribe, pos, StringComparison.Ordinal);
            var at = m < 0 ? u : u < 0 ? m : Math.Min(m, u);
            if (at < 0) break;
            split.Add((pos, at - pos, null));
            var manage = at == m;
            split.Add((0, 0, manage ? Templates.ManageUrl : Templates.UnsubscribeUrl));
            pos = at + (manage ? MergeTagNames.ManagePreferences.Length : MergeTagNames.GroupUnsubscribe.Length);
        }
        split.Add((pos, _source.Length - pos, null));
        _split = split.ToArray();
        _floorBuffer = new char[_source.Length * 2];

        var parser = new FluidParser();
        _fluid = parser.Parse(Templates.ToLiquid(_source));
        _fluidContext = new TemplateContext();
        _fluidContext.SetValue("manage", Templates.ManageUrl);
        _fluidContext.SetValue("unsubscribe", Templates.UnsubscribeUrl);
        _fluidWriter = new StringWriter(new System.Text.StringBuilder(_source.Length * 2));

        _handlebars = Handlebars.Create().Compile(new StringReader(Templates.ToHandlebars(_source)));
        _handlebarsData = new { manage = Templates.ManageUrl, unsubscribe = Templates.UnsubscribeUrl };
        _handlebarsWriter = new StringWriter(new System.Text.StringBuilder(_source.Length * 2));

        // Same output from every engine (the peers and the floor in UTF-16, ours in UTF-8).
        var expected = CopyFloor();
        if (_source.Length > 0 && expected == 0) throw new InvalidOperationException("empty floor");
        var floorText = new string(_floorBuffer, 0, expected);
        OursUtf8();
        if (System.Text.Encoding.UTF8.GetString(_utf8Sink.WrittenSpan) != floorText) throw new InvalidOperationException("ours differs from the floor");
        OursQuotedPrintable();
        var decoded = DecodeQuotedPrintable(_qpSink.WrittenSpan.ToArray());
        if (decoded != floorText.ReplaceLineEndings("\r\n")) throw new InvalidOperationException("ours (quoted-printable) differs from the floor");
        FluidReusedWriter();
        if (_fluidWriter.ToString() != floorText) throw new InvalidOperationException("Fluid differs from the floor");
        HandlebarsReusedWriter();
        if (_handlebarsWriter.ToString() != floorText) throw new InvalidOperationException("Handlebars differs from the floor");
    }

    private static string DecodeQuotedPrintable(byte[] encoded)
    {
        var decoder = new MimeKit.IO.Filters.DecoderFilter(new MimeKit.Encodings.QuotedPrintableDecoder());
        var bytes = decoder.Flush(encoded, 0, encoded.Length, out var start, out var length);
        return System.Text.Encoding.UTF8.GetString(bytes, start, length);
    }

    [Benchmark(Baseline = true, Description = "floor: copy pre-split template into reused char[]")]
    public int CopyFloor()
    {
        var dest = _floorBuffer.AsSpan();
        var at = 0;
        foreach (var (start, length, url) in _split)
        {
            var text = url is null ? _source.AsSpan(start, length) : url.AsSpan();
            text.CopyTo(dest[at..]);
            at += text.Length;
        }
        return at;
    }

    [Benchmark(Description = "peer: Fluid into reused StringWriter")]
    public int FluidReusedWriter()
    {
        _fluidWriter.GetStringBuilder().Clear();
        var pending = _fluid.RenderAsync(_fluidWriter, NullEncoder.Default, _fluidContext); // the template's own method: leaves the writer open
        if (!pending.IsCompletedSuccessfully) pending.AsTask().GetAwaiter().GetResult(); // completes synchronously for in-memory writers
        return _fluidWriter.GetStringBuilder().Length;
    }

    [Benchmark(Description = "peer: Handlebars.Net into reused StringWriter")]
    public int HandlebarsReusedWriter()
    {
        _handlebarsWriter.GetStringBuilder().Clear();
        _handlebars(_handlebarsWriter, _handlebarsData);
        return _handlebarsWriter.GetStringBuilder().Length;
    }

    [Benchmark(Description = "ours: quoted-printable UTF-8 into the sender's reused buffer (real sink)")]
    public int OursQuotedPrintable()
    {
        _qpSink.ResetWrittenCount();
        _ours.RenderQuotedPrintableTo(_qpSink, _links);
        return _qpSink.WrittenCount;
    }

    [Benchmark(Description = "ours: UTF-8 into a reused buffer")]
    public int OursUtf8()
    {
        _utf8Sink.ResetWrittenCount();
        _ours.RenderUtf8To(_utf8Sink, _links);
        return _utf8Sink.WrittenCount;
    }

    [Benchmark(Description = "ours: UTF-16 into reused ArrayBufferWriter<char>")]
    public int OursChars()
    {
        _charSink.ResetWrittenCount();
        _ours.RenderTo(_charSink, _links);
        return _charSink.WrittenCount;
    }

    [Benchmark(Description = "contrast: ours, a new string per email")]
    public int OursNewString() => _ours.Render(_links).Length;
}
