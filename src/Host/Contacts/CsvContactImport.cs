using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Host.Contacts;

/// <summary>One CSV row that was not imported.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Reason">Why.</param>
/// <param name="Code">A stable code (e.g. <c>email_invalid</c>).</param>
public sealed record ImportRejection(int Line, string Reason, string Code);

/// <summary>Result of a CSV import.</summary>
/// <param name="Imported">New contacts stored.</param>
/// <param name="Duplicates">Rows whose address was already known.</param>
/// <param name="Rejected">The first <see cref="CsvContactImport.MaxListedRejections"/> rejected rows.</param>
/// <param name="RejectedCount">All rejected rows, listed or not.</param>
public sealed record CsvImportResult(int Imported, int Duplicates, IReadOnlyList<ImportRejection> Rejected, int RejectedCount);

/// <summary>Progress of a running import.</summary>
public sealed record ImportProgress(long BytesRead, long? TotalBytes, int Rows);

/// <summary>
/// Streams contacts from CSV (header <c>email,locale</c>; locale optional) into the store: rows are validated one by
/// one, bad rows are reported with their line numbers and skipped, good rows are imported in batches; a row is
/// never half-imported. The file is never held in memory as a whole.
/// </summary>
public sealed class CsvContactImport(IPreferenceStore store)
{
    /// <summary>Most rejected rows listed in a result (the count still includes the rest).</summary>
    public const int MaxListedRejections = 1000;

    /// <summary>Imports from a stream.</summary>
    /// <exception cref="PreferenceValidationException">The header has no <c>email</c> column (field <c>file</c>).</exception>
    public async Task<CsvImportResult> ImportAsync(Stream csv, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var rejected = new List<ImportRejection>();
        var counting = new CountingStream(csv);
        using var reader = new StreamReader(counting, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = true,
        };
        using var parser = new CsvReader(reader, config);
        if (!await parser.ReadAsync() || !parser.ReadHeader() || parser.HeaderRecord is null || !parser.HeaderRecord.Any(h => h.Trim().Equals("email", StringComparison.OrdinalIgnoreCase)))
            throw new PreferenceValidationException("file", "csv_header_missing", "The CSV file needs a header row with an 'email' column (and optionally 'locale').");
        var hasLocale = parser.HeaderRecord.Any(h => h.Trim().Equals("locale", StringComparison.OrdinalIgnoreCase));
        var rows = 0;
        var rejectedCount = 0;

        async IAsyncEnumerable<Contact> Rows([EnumeratorCancellation] CancellationToken token)
        {
            while (await parser.ReadAsync())
            {
                token.ThrowIfCancellationRequested();
                rows++;
                var line = parser.Parser.RawRow;
                Contact? contact = null;
                try
                {
                    var email = Contact.NormalizeEmail(parser.GetField("email"));
                    var locale = hasLocale ? Contact.NormalizeLocale(parser.GetField("locale")) : null;
                    contact = new Contact { Id = Guid.CreateVersion7(), Email = email, Locale = locale };
                }
                catch (PreferenceValidationException ex)
                {
                    rejectedCount++;
                    if (rejected.Count < MaxListedRejections) rejected.Add(new ImportRejection(line, ex.Message, ex.Code));
                }
                if (rows % 1000 == 0) progress?.Report(new ImportProgress(counting.BytesRead, counting.Length < 0 ? null : counting.Length, rows));
                if (contact is not null) yield return contact;
            }
        }

        var outcome = await store.ImportContactsAsync(Rows(ct), ct);
        progress?.Report(new ImportProgress(counting.BytesRead, counting.Length < 0 ? null : counting.Length, rows));
        return new CsvImportResult(outcome.Imported, outcome.Duplicates, rejected, rejectedCount);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.CanSeek ? inner.Length : -1;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); BytesRead += n; return n; }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        { var n = await inner.ReadAsync(buffer, cancellationToken); BytesRead += n; return n; }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
