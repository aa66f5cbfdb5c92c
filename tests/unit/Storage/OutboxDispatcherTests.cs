using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Storage.Outbox;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>
/// The outbox dispatcher against a real webhook receiver on 127.0.0.1: delivery with a verifiable signature, retries
/// after a 500, and several dispatchers on one database delivering each event exactly once.
/// </summary>
public abstract class OutboxDispatcherTests : IAsyncLifetime
{
    private const string Secret = "a-shared-webhook-secret-of-some-length";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private WebhookReceiver _receiver = null!;
    private ServiceProvider _http = null!;

    protected abstract PreferenceStorageProvider Provider { get; }

    /// <summary>Events in the two-dispatcher run (each SQLite commit waits for a disk sync, so it runs fewer).</summary>
    protected virtual int EventCount => 300;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _http.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
    }

    private OutboxOptions Options => new() { BatchSize = 10, Lease = TimeSpan.FromMinutes(5), RetryBaseDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(10) };

    private OutboxDispatcher Dispatcher(IPreferenceStore store, OutboxOptions? options = null) => new(
        store,
        [new WebhookChannelEventSink(_http.GetRequiredService<IHttpClientFactory>(), Microsoft.Extensions.Options.Options.Create(new WebhookOptions { Url = _receiver.Url, Secret = Secret }))],
        Microsoft.Extensions.Options.Options.Create(options ?? Options),
        _time);

    private async Task<IPreferenceStore> StoreAsync()
    {
        _db ??= await TestDatabase.CreateAsync(Provider);
        return _db.Store(_time);
    }

    private async Task<List<Guid>> CommitEventsAsync(IPreferenceStore store, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var contact = new Contact { Id = Guid.NewGuid(), Email = $"reader{i}@example.com" };
            await store.AddContactAsync(contact);
            var now = _time.GetUtcNow();
            var group = Guid.NewGuid();
            var evt = new ChannelUnsubscribedEvent
            {
                Id = Guid.CreateVersion7(now), ContactId = contact.Id, CampaignId = Guid.NewGuid(), LinkKind = LinkKind.GroupUnsubscribe,
                Source = ChangeSource.OneClick, AllCommunicationBefore = true, AllCommunicationAfter = true,
                GroupsBefore = ImmutableDictionary<Guid, bool>.Empty.Add(group, true), GroupsAfter = ImmutableDictionary<Guid, bool>.Empty.Add(group, false),
                Time = now, Locale = "fr",
            };
            var ledger = new ConsentLedgerEntry
            {
                ChangeId = evt.Id, ContactId = contact.Id, GroupId = group, OldValue = true, NewValue = false, Source = ChangeSource.OneClick, Time = now,
            };
            var prefs = new ContactPreferences { ContactId = contact.Id, Groups = ImmutableDictionary<Guid, bool>.Empty.Add(group, false) };
            Assert.True(await store.TryCommitChangeAsync(new PreferenceChange(0, prefs, [ledger], evt)));
            ids.Add(evt.Id);
        }
        return ids;
    }

    [SkippableFact]
    public async Task An_event_reaches_the_webhook_signed_and_is_marked_delivered()
    {
        var store = await StoreAsync();
        var id = Assert.Single(await CommitEventsAsync(store, 1));

        Assert.Equal(1, await Dispatcher(store).DispatchOnceAsync());

        var call = Assert.Single(_receiver.Calls);
        Assert.Equal(200, call.Status);
        Assert.Equal(id.ToString(), call.EventId);
        Assert.StartsWith("application/json", call.ContentType);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), call.Body));
        Assert.Equal(expected, call.Signature);
        var wrong = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("another secret"), call.Body));
        Assert.NotEqual(wrong, call.Signature);

        using var json = JsonDocument.Parse(call.Body);
        Assert.Equal(id, json.RootElement.GetProperty("id").GetGuid());
        Assert.Equal("Channel Unsubscribed", json.RootElement.GetProperty("name").GetString());
        var properties = json.RootElement.GetProperty("properties");
        Assert.Equal("OneClick", properties.GetProperty("source").GetString());
        Assert.Equal("GroupUnsubscribe", properties.GetProperty("linkKind").GetString());
        Assert.Equal(1, properties.GetProperty("unsubscribedGroups").GetArrayLength());
        Assert.Equal("fr", properties.GetProperty("locale").GetString());

        var message = Assert.Single(await store.ListEventsAsync(null));
        Assert.Equal(_time.GetUtcNow(), message.DeliveredAt);
        Assert.Equal(0, await Dispatcher(store).DispatchOnceAsync()); // nothing is sent twice
        Assert.Single(_receiver.Calls);
    }

    [SkippableFact]
    public async Task A_500_from_the_receiver_is_retried_after_a_growing_delay()
    {
        var store = await StoreAsync();
        var id = Assert.Single(await CommitEventsAsync(store, 1));
        _receiver.FailFirst(id, 2);
        var dispatcher = Dispatcher(store);

        Assert.Equal(1, await dispatcher.DispatchOnceAsync());
        var failed = Assert.Single(await store.ListEventsAsync(null));
        Assert.Null(failed.DeliveredAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("500", failed.LastError);
        Assert.Equal(_time.GetUtcNow().AddSeconds(10), failed.NextAttemptAt);

        Assert.Equal(0, await dispatcher.DispatchOnceAsync()); // not due yet
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync());
        Assert.Equal(_time.GetUtcNow().AddSeconds(20), Assert.Single(await store.ListEventsAsync(null)).NextAttemptAt); // doubled

        _time.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync());

        var delivered = Assert.Single(await store.ListEventsAsync(null));
        Assert.NotNull(delivered.DeliveredAt);
        Assert.Equal(3, delivered.Attempts);
        Assert.Equal([500, 500, 200], _receiver.Calls.Select(c => c.Status));
        Assert.All(_receiver.Calls, c => Assert.Equal(id.ToString(), c.EventId)); // same id each time: receivers can deduplicate
    }

    [SkippableFact]
    public async Task Two_dispatchers_on_one_database_deliver_each_event_once()
    {
        var store = await StoreAsync();
        var ids = await CommitEventsAsync(store, EventCount);
        // Two hosts: separate stores (own connections) and dispatchers (own lease owners) on the same database.
        var hosts = new[] { Dispatcher(_db.Store(_time)), Dispatcher(_db.Store(_time)) };
        Assert.NotEqual(hosts[0].Owner, hosts[1].Owner);

        var claimed = await Task.WhenAll(hosts.Select(host => Task.Run(async () =>
        {
            var total = 0;
            for (int n; (n = await host.DispatchOnceAsync()) > 0;) total += n;
            return total;
        })));

        Assert.Equal(EventCount, claimed.Sum());
        Assert.Equal(EventCount, _receiver.Calls.Count);
        Assert.Equal(ids.Select(i => i.ToString()).Order(), _receiver.Calls.Select(c => c.EventId!).Order());
        Assert.All(await store.ListEventsAsync(null), m => Assert.Equal(1, m.Attempts));
    }
}

public sealed class SqliteOutboxDispatcherTests : OutboxDispatcherTests
{
    protected override PreferenceStorageProvider Provider => PreferenceStorageProvider.Sqlite;
    protected override int EventCount => 100;
}

public sealed class PostgresOutboxDispatcherTests : OutboxDispatcherTests
{
    protected override PreferenceStorageProvider Provider => PreferenceStorageProvider.Postgres;
}

public sealed class RetryDelayTests
{
    [Fact]
    public void Each_failure_doubles_the_delay_up_to_the_ceiling()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        Assert.Equal([5, 10, 20, 40, 60, 60], new[] { 1, 2, 3, 4, 5, 40 }.Select(n => options.RetryDelay(n).TotalSeconds));
    }
}
