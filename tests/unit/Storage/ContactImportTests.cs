using System.Runtime.CompilerServices;
using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>Bulk import streams: a large audience is written batch by batch as it is read, never held whole.</summary>
public sealed class ContactImportTests : IAsyncLifetime
{
    private readonly TestDatabase _db = TestDatabase.Sqlite();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Importing_100000_contacts_stores_them_while_the_source_is_still_being_read()
    {
        var store = _db.Store();
        await store.AddContactAsync(new Contact { Id = Guid.NewGuid(), Email = "user00042@example.com" });
        var observer = _db.Store();
        var largestBacklog = 0;

        async IAsyncEnumerable<Contact> Source([EnumeratorCancellation] CancellationToken ct = default)
        {
            for (var i = 0; i < 100_000; i++)
            {
                if (i % 10_000 == 0 && i > 0)
                {
                    // How many contacts were handed over but are not in the database yet.
                    var stored = (await observer.ListContactsAsync(null, 0, 0, ct)).Total - 1;
                    largestBacklog = Math.Max(largestBacklog, i - stored);
                }
                yield return new Contact { Id = Guid.NewGuid(), Email = $"user{i:D5}@example.com", Locale = i % 3 == 0 ? "hi" : null };
            }
        }

        var outcome = await store.ImportContactsAsync(Source());

        Assert.Equal(99_999, outcome.Imported);
        Assert.Equal(1, outcome.Duplicates);
        Assert.Equal(100_000, (await store.ListContactsAsync(null, 0, 1)).Total);
        Assert.InRange(largestBacklog, 0, EfPreferenceStore.BatchSize);
        var streamed = 0;
        string? previous = null;
        await foreach (var c in store.StreamContactsAsync())
        {
            Assert.True(previous is null || string.CompareOrdinal(previous.ToUpperInvariant(), c.Email.ToUpperInvariant()) < 0);
            previous = c.Email;
            streamed++;
        }
        Assert.Equal(100_000, streamed);
    }
}
