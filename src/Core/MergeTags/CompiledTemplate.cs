using System.Buffers;
using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.MergeTags;

/// <summary>The two URLs one recipient's email carries. Either may be null when the template does not use it.</summary>
/// <param name="ManagePreferencesUrl">Replaces <c>*|CT_MANAGE_PREFERENCES|*</c>.</param>
/// <param name="GroupUnsubscribeUrl">Replaces <c>*|CT_GROUP_UNSUBSCRIBE|*</c>.</param>
public readonly record struct RecipientLinks(string? ManagePreferencesUrl, string? GroupUnsubscribeUrl)
{
    /// <summary>The URL for a kind.</summary>
    public string? UrlOf(LinkKind kind) => kind == LinkKind.ManagePreferences ? ManagePreferencesUrl : GroupUnsubscribeUrl;
}

/// <summary>
/// A template split once at its merge tags, then rendered per recipient by copying its literal slices and the
/// recipient's URLs into the caller's buffer or writer. Every byte outside the tags is copied unchanged.
/// </summary>
public sealed class CompiledTemplate
{
    private readonly string _source;
    private readonly Segment[] _segments;

    private readonly record struct Segment(int Start, int Length, LinkKind? Tag);

    private CompiledTemplate(string source, Segment[] segments)
    {
        _source = source;
        _segments = segments;
        foreach (var s in segments)
            if (s.Tag is { } k) UsedKinds |= k == LinkKind.ManagePreferences ? 1 : 2;
    }

    private int UsedKinds { get; }

    /// <summary>The template text as compiled.</summary>
    public string Source => _source;

    /// <summary>Whether the template uses the tag of a link kind.</summary>
    public bool Uses(LinkKind kind) => (UsedKinds & (kind == LinkKind.ManagePreferences ? 1 : 2)) != 0;

    /// <summary>Length of the literal text (everything but the tags), a lower bound of every rendering.</summary>
    public int LiteralLength { get; private init; }

    /// <summary>Splits a template at its tags.</summary>
    public static CompiledTemplate Compile(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var segments = new List<Segment>();
        var literal = 0;
        var literalStart = 0;
        var pos = 0;
        var span = template.AsSpan();
        while (pos < span.Length)
        {
            var rel = span[pos..].IndexOf("*|CT_", StringComparison.Ordinal);
            if (rel < 0) break;
            var at = pos + rel;
            var (found, tagLength) = MatchTag(span[at..]);
            if (found is null) { pos = at + 1; continue; }
            if (at > literalStart) { segments.Add(new Segment(literalStart, at - literalStart, null)); literal += at - literalStart; }
            segments.Add(new Segment(at, tagLength, found));
            pos = literalStart = at + tagLength;
        }
        if (literalStart < template.Length) { segments.Add(new Segment(literalStart, template.Length - literalStart, null)); literal += template.Length - literalStart; }
        return new CompiledTemplate(template, segments.ToArray()) { LiteralLength = literal };
    }

    private static (LinkKind? Kind, int Length) MatchTag(ReadOnlySpan<char> text)
    {
        foreach (var (tag, kind) in MergeTagNames.All)
            if (text.StartsWith(tag, StringComparison.Ordinal)) return (kind, tag.Length);
        return (null, 0);
    }

    /// <summary>Renders into a buffer writer (for example a pooled buffer reused across recipients).</summary>
    /// <exception cref="MissingLinkException">The template uses a tag whose URL is null.</exception>
    public void RenderTo(IBufferWriter<char> output, in RecipientLinks links)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var s in _segments)
        {
            var text = s.Tag is { } kind ? UrlFor(links, kind) : _source.AsSpan(s.Start, s.Length);
            output.Write(text);
        }
    }

    /// <summary>
    /// Renders UTF-8 into a buffer writer: the literal slices are encoded once (on first use) and then copied as
    /// bytes, so a reused buffer (for example an <see cref="ArrayBufferWriter{T}"/> reset per recipient) carries the
    /// whole email without any allocation proportional to its size. This is the form a MIME body is written from.
    /// </summary>
    /// <exception cref="MissingLinkException">The template uses a tag whose URL is null.</exception>
    public void RenderUtf8To(IBufferWriter<byte> output, in RecipientLinks links)
    {
        ArgumentNullException.ThrowIfNull(output);
        var utf8 = _utf8 ??= EncodeLiterals();
        var slices = utf8.Slices;
        var bytes = utf8.Bytes;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].Tag is { } kind)
            {
                var url = UrlFor(links, kind);
                var span = output.GetSpan(System.Text.Encoding.UTF8.GetMaxByteCount(url.Length));
                output.Advance(System.Text.Encoding.UTF8.GetBytes(url, span));
            }
            else
            {
                var (start, length) = slices[i];
                output.Write(bytes.AsSpan(start, length));
            }
        }
    }

    /// <summary>
    /// Renders the email body as UTF-8 already encoded in quoted-printable (RFC 2045, CRLF line ends), ready to be
    /// a MIME part's content as it is. The literal slices are encoded once (on first use); per recipient only the
    /// URLs are encoded, each between two soft line breaks, so a reused buffer carries the body and sending copies
    /// bytes instead of encoding every byte of every email again. Decoding gives the same text as
    /// <see cref="RenderUtf8To"/> with its line ends as CRLF.
    /// </summary>
    /// <exception cref="MissingLinkException">The template uses a tag whose URL is null.</exception>
    public void RenderQuotedPrintableTo(IBufferWriter<byte> output, in RecipientLinks links)
    {
        ArgumentNullException.ThrowIfNull(output);
        var qp = _quotedPrintable ??= EncodeLiteralsQuotedPrintable();
        var slices = qp.Slices;
        var bytes = qp.Bytes;
        Span<byte> scratch = stackalloc byte[1024];
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].Tag is { } kind)
            {
                var url = UrlFor(links, kind);
                var max = System.Text.Encoding.UTF8.GetMaxByteCount(url.Length);
                byte[]? rented = null;
                var utf8 = max <= scratch.Length ? scratch : (rented = ArrayPool<byte>.Shared.Rent(max));
                var n = System.Text.Encoding.UTF8.GetBytes(url, utf8);
                output.Write(SoftBreak);
                var column = 0;
                QuotedPrintable.Encode(utf8[..n], output, ref column);
                output.Write(SoftBreak);
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
            else
            {
                var (start, length) = slices[i];
                output.Write(bytes.AsSpan(start, length));
            }
        }
    }

    private static ReadOnlySpan<byte> SoftBreak => "=\r\n"u8;

    private Utf8Literals? _quotedPrintable;

    private Utf8Literals EncodeLiteralsQuotedPrintable()
    {
        var utf8 = _utf8 ??= EncodeLiterals();
        var slices = new (int, int)[_segments.Length];
        var buffer = new ArrayBufferWriter<byte>(utf8.Bytes.Length + utf8.Bytes.Length / 4 + 64);
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].Tag is not null) continue;
            var (start, length) = utf8.Slices[i];
            var before = buffer.WrittenCount;
            var column = 0; // every literal slice starts a line: the template's start, or the soft break after a URL
            QuotedPrintable.Encode(utf8.Bytes.AsSpan(start, length), buffer, ref column);
            slices[i] = (before, buffer.WrittenCount - before);
        }
        return new Utf8Literals(buffer.WrittenSpan.ToArray(), slices);
    }

    /// <summary>The number of UTF-8 bytes of the literal text (everything but the tags).</summary>
    public int LiteralUtf8Length => (_utf8 ??= EncodeLiterals()).Bytes.Length;

    private Utf8Literals? _utf8;

    private sealed record Utf8Literals(byte[] Bytes, (int Start, int Length)[] Slices);

    private Utf8Literals EncodeLiterals()
    {
        var slices = new (int, int)[_segments.Length];
        var total = 0;
        for (var i = 0; i < _segments.Length; i++)
            if (_segments[i].Tag is null) total += System.Text.Encoding.UTF8.GetByteCount(_source.AsSpan(_segments[i].Start, _segments[i].Length));
        var bytes = new byte[total];
        var at = 0;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (_segments[i].Tag is not null) continue;
            var n = System.Text.Encoding.UTF8.GetBytes(_source.AsSpan(_segments[i].Start, _segments[i].Length), bytes.AsSpan(at));
            slices[i] = (at, n);
            at += n;
        }
        return new Utf8Literals(bytes, slices);
    }

    /// <summary>Renders into a writer.</summary>
    /// <exception cref="MissingLinkException">The template uses a tag whose URL is null.</exception>
    public void RenderTo(TextWriter output, in RecipientLinks links)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var s in _segments)
            output.Write(s.Tag is { } kind ? UrlFor(links, kind) : _source.AsSpan(s.Start, s.Length));
    }

    /// <summary>Renders to a new string (convenient; allocates the whole email).</summary>
    public string Render(in RecipientLinks links)
    {
        var buffer = new ArrayBufferWriter<char>(_source.Length + 256);
        RenderTo(buffer, links);
        return new string(buffer.WrittenSpan);
    }

    private static ReadOnlySpan<char> UrlFor(in RecipientLinks links, LinkKind kind)
        => links.UrlOf(kind) ?? throw new MissingLinkException(kind);
}

/// <summary>Quoted-printable encoding (RFC 2045 section 6.7) of UTF-8 text with CRLF hard line breaks.</summary>
internal static class QuotedPrintable
{
    private const int MaxLine = 76;

    /// <summary>Encodes <paramref name="source"/>, continuing a line that is <paramref name="column"/> characters long.</summary>
    public static void Encode(ReadOnlySpan<byte> source, IBufferWriter<byte> output, ref int column)
    {
        // Worst case: every byte as =XX, a soft break after every 24 of them, and a margin.
        var span = output.GetSpan(source.Length * 3 + (source.Length / 24 + 1) * 3 + 8);
        var at = 0;
        var col = column;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && i + 1 < source.Length && source[i + 1] == (byte)'\n'))
            {
                if (b == (byte)'\r') i++;
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                col = 0;
                continue;
            }
            // Printable ASCII but '=' goes as it is; space and tab too unless a line break or the end follows.
            var literal = (b is >= 33 and <= 126 && b != (byte)'=')
                || (b is (byte)' ' or (byte)'\t' && i + 1 < source.Length && source[i + 1] is not ((byte)'\r' or (byte)'\n'));
            var width = literal ? 1 : 3;
            if (col + width > MaxLine - 1)
            {
                span[at++] = (byte)'=';
                span[at++] = (byte)'\r';
                span[at++] = (byte)'\n';
                col = 0;
            }
            if (literal)
            {
                span[at++] = b;
            }
            else
            {
                span[at++] = (byte)'=';
                span[at++] = (byte)"0123456789ABCDEF"[b >> 4];
                span[at++] = (byte)"0123456789ABCDEF"[b & 15];
            }
            col += width;
        }
        output.Advance(at);
        column = col;
    }
}

/// <summary>A template uses a tag but no URL was given for it (for example mode None, rule S1).</summary>
public sealed class MissingLinkException(LinkKind kind)
    : InvalidOperationException($"The template uses {MergeTagNames.TagOf(kind)} but no {kind} link is available.")
{
    /// <summary>The link kind that had no URL.</summary>
    public LinkKind Kind { get; } = kind;
}
