using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>
/// A preference change commits its preferences, ledger rows and outbox event together or not at all, and two saves
/// of one contact racing each other both land, one after the other (rule B5: the ledger misses nothing).
/// </summary>
public abstract class CommitAtomicityTests : IAsyncLifetime
{
    private TestDatabase? _db;
    private readonly SubscriptionGroup _news = new() { Id = Guid.NewGuid(), Name = "Newsletters", Order = 1 };
    private readonly SubscriptionGroup _offers = new() { Id = Guid.NewGuid(), Name = "Offers", Order = 2 };
    private readonly Contact _ana = new() { Id = Guid.NewGuid(), Email = "ana@example.com", Locale = "es" };

    protected abstract PreferenceStorageProvider Provider { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }

    private async Task<TestDatabase> SeededDatabaseAsync()
    {
        _db = await TestDatabase.CreateAsync(Provider);
        var store = _db.Store();
        await store.AddGroupAsync(_news);
        await store.AddGroupAsync(_offers);
        await store.AddContactAsync(_ana);
        return _db;
    }

    private PreferenceLink Link => new(LinkKind.ManagePreferences, _ana.Id, null, false, DateTimeOffset.UtcNow);

    private PreferenceSubmission Submission(bool news, bool offers) =>
        new(true, [_news.Id, _offers.Id], new[] { (_news.Id, news), (_offers.Id, offers) }.Where(p => p.Item2).Select(p => p.Item1).ToList());

    [SkippableFact]
    public async Task A_failure_after_the_preference_write_and_before_the_outbox_write_leaves_no_trace()
    {
        var db = await SeededDatabaseAsync();
        var failOutbox = new FailOutboxInsert();
        var store = db.Store(interceptors: failOutbox);
        var rules = new PreferenceRules(store);
        Assert.Equal(SaveStatus.Saved, (await rules.SavePreferencesAsync(Link, Submission(news: false, offers: true))).Status);

        failOutbox.Armed = true;
        AssertForcedFailure(await Assert.ThrowsAnyAsync<Exception>(() => rules.SavePreferencesAsync(Link, Submission(news: true, offers: false))));

        Assert.True(failOutbox.PreferencesWrittenBeforeFailure, "the preference row was written inside the transaction before the outbox insert failed");
        var fresh = db.Store();
        var stored = await fresh.GetPreferencesAsync(_ana.Id);
        Assert.Equal(1, stored!.Version);
        Assert.False(stored.Groups[_news.Id]);
        Assert.True(stored.Groups[_offers.Id]);
        Assert.Single(await fresh.ListLedgerAsync(_ana.Id));
        Assert.Single(await fresh.ListEventsAsync(_ana.Id));
    }

    [SkippableFact]
    public async Task A_failure_during_a_first_save_stores_nothing()
    {
        var db = await SeededDatabaseAsync();
        var store = db.Store(interceptors: new FailOutboxInsert { Armed = true });

        AssertForcedFailure(await Assert.ThrowsAnyAsync<Exception>(() => new PreferenceRules(store).SavePreferencesAsync(Link, Submission(news: false, offers: false))));

        var fresh = db.Store();
        Assert.Null(await fresh.GetPreferencesAsync(_ana.Id));
        Assert.Empty(await fresh.ListLedgerAsync(null));
        Assert.Empty(await fresh.ListEventsAsync(null));
    }

    [SkippableFact]
    public async Task A_save_overtaken_by_another_host_is_recomputed_and_both_changes_are_kept()
    {
        var db = await SeededDatabaseAsync();
        var hostB = new PreferenceRules(db.Store());
        Task<SaveResult>? saveB = null;
        // Host A has read the preferences (version 0) and is about to commit when host B saves the same contact.
        var overtake = new BeforeFirstTransaction(() => saveB = hostB.SavePreferencesAsync(Link, Submission(news: false, offers: true)));
        var hostA = new PreferenceRules(db.Store(interceptors: overtake));

        var resultA = await hostA.SavePreferencesAsync(Link, Submission(news: true, offers: false));
        var resultB = await saveB!;

        Assert.Equal(SaveStatus.Saved, resultA.Status);
        Assert.Equal(SaveStatus.Saved, resultB.Status);
        var store = db.Store();
        var ledger = await store.ListLedgerAsync(_ana.Id);
        // B committed first (news on -> off); A recomputed from B's state (news off -> on, offers on -> off).
        Assert.Equal([resultB.EventId, resultA.EventId], ledger.Select(r => (Guid?)r.ChangeId).Distinct());
        Assert.Equal([(_news.Id, true, false), (_news.Id, false, true), (_offers.Id, true, false)],
            ledger.Select(r => (r.GroupId!.Value, r.OldValue, r.NewValue)));
        var final = await store.GetPreferencesAsync(_ana.Id);
        Assert.Equal(2, final!.Version);
        Assert.True(final.Groups[_news.Id]);
        Assert.False(final.Groups[_offers.Id]);
        Assert.Equal(2, (await store.ListEventsAsync(_ana.Id)).Count);
    }

    [SkippableFact]
    public async Task Concurrent_saves_of_one_contact_lose_no_change()
    {
        var db = await SeededDatabaseAsync();
        var hosts = Enumerable.Range(0, 4).Select(_ => new PreferenceRules(db.Store())).ToList();
        var submissions = new[] { Submission(news: true, offers: false), Submission(news: false, offers: true) };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => hosts[i % hosts.Count].SavePreferencesAsync(Link, submissions[i % 2]))));

        var store = db.Store();
        var ledger = await store.ListLedgerAsync(_ana.Id);
        var saved = results.Where(r => r.Status == SaveStatus.Saved).Select(r => r.EventId!.Value).ToHashSet();
        Assert.NotEmpty(saved);
        Assert.All(results, r => Assert.Contains(r.Status, new[] { SaveStatus.Saved, SaveStatus.Unchanged }));
        Assert.Equal(saved.Order(), ledger.Select(r => r.ChangeId).Distinct().Order());
        Assert.Equal(saved.Count, (await store.ListEventsAsync(_ana.Id)).Count);
        foreach (var group in new[] { _news.Id, _offers.Id })
        {
            // Each change starts where the previous one ended: no save overwrote another unseen.
            var rows = ledger.Where(r => r.GroupId == group).ToList();
            Assert.True(rows[0].OldValue, "groups start subscribed (opt-out)");
            Assert.All(rows.Zip(rows.Skip(1)), p => Assert.Equal(p.First.NewValue, p.Second.OldValue));
        }
        var final = await store.GetPreferencesAsync(_ana.Id);
        var lastChange = ledger[^1].ChangeId;
        var expected = results.Single(r => r.EventId == lastChange).Page.Groups.ToDictionary(g => g.Group.Id, g => g.Subscribed);
        Assert.Equal(expected[_news.Id], final!.Groups[_news.Id]);
        Assert.Equal(expected[_offers.Id], final.Groups[_offers.Id]);
        Assert.NotEqual(final.Groups[_news.Id], final.Groups[_offers.Id]); // exactly one of the two submissions
        Assert.Equal(saved.Count, final.Version);
    }

    private static void AssertForcedFailure(Exception e)
    {
        // EF Core may wrap the interceptor's exception in a DbUpdateException.
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is InvalidOperationException && x.Message == FailOutboxInsert.Message) return;
        Assert.Fail($"Expected the forced failure, got {e}");
    }

    /// <summary>Throws on the outbox INSERT while armed, after noting whether the preference row was written first.</summary>
    private sealed class FailOutboxInsert : DbCommandInterceptor
    {
        public const string Message = "Forced failure before the outbox write.";
        public bool Armed { get; set; }
        public bool PreferencesWrittenBeforeFailure { get; private set; }
        private bool _preferencesWritten;
        private static readonly Regex OutboxInsert = new("INSERT INTO \"?outbox\"?[\\s(]", RegexOptions.CultureInvariant);

        private void Inspect(DbCommand command)
        {
            if (!Armed) return;
            var sql = command.CommandText;
            if (sql.Contains("contact_preferences", StringComparison.Ordinal) && (sql.Contains("UPDATE", StringComparison.Ordinal) || sql.Contains("INSERT", StringComparison.Ordinal)))
                _preferencesWritten = true;
            if (OutboxInsert.IsMatch(sql))
            {
                PreferencesWrittenBeforeFailure = _preferencesWritten;
                throw new InvalidOperationException(Message);
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Inspect(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Inspect(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Inspect(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Inspect(command);
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Runs another save to completion right before this store's first transaction begins.</summary>
    private sealed class BeforeFirstTransaction(Func<Task> other) : DbTransactionInterceptor
    {
        private int _done;

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                await other();
            return result;
        }
    }
}

public sealed class SqliteCommitAtomicityTests : CommitAtomicityTests
{
    protected override PreferenceStorageProvider Provider => PreferenceStorageProvider.Sqlite;
}

public sealed class PostgresCommitAtomicityTests : CommitAtomicityTests
{
    protected override PreferenceStorageProvider Provider => PreferenceStorageProvider.Postgres;
}
