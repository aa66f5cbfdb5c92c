using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage.Tests;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// Two host processes on one PostgreSQL database, each running an outbox dispatcher towards one webhook receiver,
/// with clients alternating between them: links and saves cross over, every event arrives at least once and can be
/// told apart from a repeat by its id.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_hosts_on_one_PostgreSQL_share_keys_state_and_deliver_every_event()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var mail = Directory.CreateTempSubdirectory("puk-reliability-mail-").FullName;
        await using var a = await HostProcess.StartAsync("Postgres", database.ConnectionString, mail, receiver.Url);
        await using var b = await HostProcess.StartAsync("Postgres", database.ConnectionString, mail, receiver.Url);
        var adminA = new Admin(a.Client(withKey: true));
        var adminB = new Admin(b.Client(withKey: true));

        var groups = new List<Guid> { await adminA.GroupAsync("News"), await adminA.GroupAsync("Offers"), await adminA.GroupAsync("Events") };
        var campaign = await adminA.CampaignAsync("Two hosts", groups.Take(2));
        var people = await adminA.ContactsAsync(Variant.Pick(10, 48), "two");

        // A link minted by one host opens on the other, in both directions; a save on one shows on the other.
        var fromA = await adminA.LinkAsync(people[0].Id, campaign, "ManagePreferences");
        var fromB = await adminB.LinkAsync(people[1].Id, campaign, "ManagePreferences");
        Assert.Equal(HttpStatusCode.OK, (await b.Client().GetAsync(fromA)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.Client().GetAsync(fromB)).StatusCode);
        var saved = await a.Client().PostAsync(fromB, Traffic.SaveForm(groups, [false, true, false]));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var seenOnB = await b.Client().GetFromJsonAsync<JsonElement>("/api" + fromB[fromB.IndexOf("/preferences/", StringComparison.Ordinal)..]);
        Assert.Equal([false, true, false], seenOnB.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("subscribed").GetBoolean()).ToArray());

        // Clients alternate between the hosts for every request.
        var contacts = new List<ContactTrack>();
        foreach (var (id, _) in people.Skip(2))
            contacts.Add(new ContactTrack(id, await adminA.LinkAsync(id, campaign, "ManagePreferences"), await adminB.LinkAsync(id, campaign, "GroupUnsubscribe"), groups.Count));
        var clients = new[] { a.Client(), b.Client() };
        var refusals = new List<string>();
        var target = Variant.Pick(120, 2000);
        var acknowledged = await Traffic.RunAsync(i => clients[i % 2], contacts, groups, 2, workers: 8, stop: n => n >= target, seed: 7,
            onRefused: r => { lock (refusals) refusals.Add(r); });
        Assert.Empty(refusals);

        // The state each client saw acknowledged is what both hosts report.
        foreach (var c in contacts)
        {
            var (_, onA) = await adminA.PreferencesAsync(c.Id);
            var (_, onB) = await adminB.PreferencesAsync(c.Id);
            Assert.Equal(c.Expected, groups.Select(g => onA[g]).ToArray());
            Assert.Equal(c.Expected, groups.Select(g => onB[g]).ToArray());
        }

        // Every event is delivered at least once; repeats carry the same id.
        var events = (await adminA.EventsAsync()).Select(e => e.Id).ToHashSet();
        Assert.Equal(contacts.Sum(c => c.Committed) + 1, events.Count);
        await CrashConsistencyTests.WaitAsync(() => Task.FromResult(events.IsSubsetOf(receiver.Calls.Where(c => c.Status == 200).Select(c => Guid.Parse(c.EventId!)))));
        await CrashConsistencyTests.WaitAsync(async () => (await adminB.EventsAsync()).All(e => e.DeliveredAt is not null));
        var delivered = receiver.Calls.Where(c => c.Status == 200).Select(c => Guid.Parse(c.EventId!)).ToList();
        Assert.Equal(events, delivered.ToHashSet());
        var duplicates = delivered.Count - delivered.Distinct().Count();
        Variant.Report(output, $"two-instances/Postgres: operations {acknowledged + 1}, events {events.Count}, webhook deliveries {delivered.Count}, duplicate deliveries {duplicates}");
        try { Directory.Delete(mail, true); } catch (IOException) { }
    }
}
