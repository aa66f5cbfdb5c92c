using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage.Tests;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// The host as a real process under concurrent one-click unsubscribes and preference saves, killed with SIGKILL in
/// the middle of the traffic and started again on the same database: no acknowledged write is lost, every change
/// is in the ledger once with exactly one outbox event, and the outbox drains to a webhook after the restart.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Acknowledged_writes_survive_SIGKILL_and_the_outbox_drains_after_restart(string provider)
    {
        await using var database = provider == "Postgres" ? await TestDatabase.PostgresAsync() : TestDatabase.Sqlite();
        await using var receiver = await WebhookReceiver.StartAsync();
        var mail = Directory.CreateTempSubdirectory("puk-reliability-mail-").FullName;
        await using var host = await HostProcess.StartAsync(provider, database.ConnectionString, mail, receiver.Url);

        var admin = new Admin(host.Client(withKey: true));
        var groups = new List<Guid> { await admin.GroupAsync("News"), await admin.GroupAsync("Offers"), await admin.GroupAsync("Events") };
        var campaign = await admin.CampaignAsync("Crash", groups.Take(2));
        var people = await admin.ContactsAsync(Variant.Pick(24, 64), "crash");
        var contacts = new List<ContactTrack>();
        foreach (var (id, _) in people)
            contacts.Add(new ContactTrack(id, await admin.LinkAsync(id, campaign, "ManagePreferences"), await admin.LinkAsync(id, campaign, "GroupUnsubscribe"), groups.Count));

        var rounds = Variant.Pick(1, 5);
        var perRound = Variant.Pick(150, 700);
        var workers = Variant.Pick(8, 16);
        var acknowledgedTotal = 0;
        var lost = new List<string>();
        var refusals = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var clients = Enumerable.Range(0, 4).Select(_ => host.Client()).ToArray();
            var killing = 0;
            Task? kill = null;
            var acknowledged = await Traffic.RunAsync(i => clients[i % clients.Length], contacts, groups, campaignGroups: 2, workers,
                stop: n =>
                {
                    if (n >= perRound && Interlocked.Exchange(ref killing, 1) == 0) kill = host.KillAsync();
                    return false; // the workers stop when the dead host stops answering
                },
                seed: 1000 * round, onRefused: r => { lock (refusals) refusals.Add(r); });
            if (kill is not null) await kill;
            Assert.True(killing == 1, $"round {round}: the workers stopped before the kill: {string.Join("; ", refusals.Take(5))}");
            acknowledgedTotal += acknowledged;
            await host.StartAsync();
            lost.AddRange(await Traffic.ReconcileAsync(admin, contacts, groups));
        }

        foreach (var failure in host.FailedStarts) output.WriteLine("A restart failed and was retried: " + failure);
        Assert.Empty(refusals);
        Assert.Empty(lost);
        var committed = contacts.Sum(c => c.Committed);

        // The ledger: one change per committed write, each change starting where the previous one ended.
        var allChangeIds = new HashSet<Guid>();
        foreach (var c in contacts)
        {
            var ledger = await admin.LedgerAsync(c.Id);
            var changes = ledger.GroupBy(r => r.ChangeId).ToList();
            Assert.True(changes.Count == c.Committed, $"contact {c.Id}: {changes.Count} ledger changes for {c.Committed} committed writes");
            Assert.Equal(ledger.Count, ledger.Select(r => (r.ChangeId, r.GroupId)).Distinct().Count());
            var state = groups.ToDictionary(g => g, _ => true);
            foreach (var row in ledger.OrderBy(r => r.Sequence).Where(r => r.GroupId is not null))
            {
                Assert.Equal(state[row.GroupId!.Value], row.Old);
                state[row.GroupId.Value] = row.New;
            }
            Assert.Equal(c.Expected, groups.Select(g => state[g]).ToArray());
            var events = await admin.EventsAsync(c.Id);
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            Assert.Equal(changes.Select(g => g.Key).ToHashSet(), events.Select(e => e.Id).ToHashSet());
            allChangeIds.UnionWith(events.Select(e => e.Id));
        }

        // The outbox drains after the restart: every event reaches the webhook and is marked delivered.
        await WaitAsync(() => Task.FromResult(allChangeIds.IsSubsetOf(receiver.Calls.Where(c => c.Status == 200).Select(c => Guid.Parse(c.EventId!)))));
        await WaitAsync(async () => (await admin.EventsAsync()).All(e => e.DeliveredAt is not null));
        var delivered = receiver.Calls.Where(c => c.Status == 200).Select(c => Guid.Parse(c.EventId!)).ToList();
        Assert.Equal(allChangeIds, delivered.ToHashSet());
        var duplicates = delivered.Count - delivered.Distinct().Count();

        Variant.Report(output, $"crash/{provider}: operations {acknowledgedTotal} acknowledged ({committed} committed incl. in-flight), " +
            $"crashes survived {rounds}, failed restarts (retried) {host.FailedStarts.Count}, acknowledged writes lost {lost.Count}, events {allChangeIds.Count}, webhook deliveries {delivered.Count}, duplicate deliveries {duplicates}");
        try { Directory.Delete(mail, true); } catch (IOException) { }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a patience guard, not a timed assertion.</summary>
    internal static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!await condition()) await Task.Delay(100, patience.Token);
    }
}
