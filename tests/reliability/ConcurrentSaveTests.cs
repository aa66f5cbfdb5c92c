using System.Net;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// One person with the preference page open in many tabs, saving different choices at the same moment: every save
/// is answered (no 5xx), the final state is exactly one of the submissions (no mix of two, no lost update), and the
/// ledger holds each change once, each starting where the previous one ended.
/// </summary>
public sealed class ConcurrentSaveTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(PreferenceStorageProvider.Sqlite)]
    [InlineData(PreferenceStorageProvider.Postgres)]
    public async Task Parallel_saves_of_one_contact_from_many_tabs_lose_nothing_and_mix_nothing(PreferenceStorageProvider provider)
    {
        await using var world = await InProcess.StartAsync(provider, 3, "tabs");
        var contact = world.Contacts[0].Id;
        var manage = await world.Admin.LinkAsync(contact, world.Campaign, "ManagePreferences");
        var unsubscribe = await world.Admin.LinkAsync(contact, world.Campaign, "GroupUnsubscribe");
        var tabs = Variant.Pick(10, 32);
        var rounds = Variant.Pick(4, 40);
        var random = new Random(5);
        var clients = Enumerable.Range(0, 4).Select(_ => world.Anonymous()).ToArray();
        var answers = new Dictionary<int, int>();
        var mixes = 0;
        for (var round = 0; round < rounds; round++)
        {
            var submissions = Enumerable.Range(0, tabs).Select(_ => world.Groups.Select(_ => random.Next(2) == 0).ToArray()).ToList();
            using var start = new Barrier(tabs);
            var posts = submissions.Select((s, i) => Task.Run(async () =>
            {
                start.SignalAndWait();
                // Now and then a tab is the one-click of the same person's mail client.
                using var response = i == 0 && round % 3 == 2
                    ? await clients[i % 4].PostAsync(unsubscribe, Traffic.OneClick())
                    : await clients[i % 4].PostAsync(manage, Traffic.SaveForm(world.Groups, s));
                return (int)response.StatusCode;
            })).ToList();
            foreach (var status in await Task.WhenAll(posts)) answers[status] = answers.GetValueOrDefault(status) + 1;

            var (_, state) = await world.Admin.PreferencesAsync(contact);
            var final = world.Groups.Select(g => state[g]).ToArray();
            var ledger = await world.Admin.LedgerAsync(contact);
            var last = ledger.OrderBy(r => r.Sequence).Where(r => r.GroupId is not null).GroupBy(r => r.GroupId!.Value).ToDictionary(g => g.Key, g => g.Last().New);
            // The final state is one whole submission, or (the one-click tab) its result applied to an earlier one.
            var isSubmission = submissions.Skip(round % 3 == 2 ? 1 : 0).Any(s => s.SequenceEqual(final))
                               || (round % 3 == 2 && !final[0] && !final[1]);
            if (!isSubmission) mixes++;
            Assert.True(isSubmission, $"round {round}: final state {Traffic.Show(final)} is none of the submissions {string.Join(" ", submissions.Select(Traffic.Show))}");
            Assert.All(world.Groups, g => Assert.Equal(last.GetValueOrDefault(g, true), state[g]));
        }

        Assert.All(answers.Keys, s => Assert.True(s is 303 or 200, $"answers: {string.Join(", ", answers.Select(a => $"{a.Key}x{a.Value}"))}"));
        var rows = await world.Admin.LedgerAsync(contact);
        Assert.Equal(rows.Count, rows.Select(r => (r.ChangeId, r.GroupId)).Distinct().Count());
        var current = world.Groups.ToDictionary(g => g, _ => true);
        foreach (var row in rows.OrderBy(r => r.Sequence).Where(r => r.GroupId is not null))
        {
            Assert.Equal(current[row.GroupId!.Value], row.Old);
            Assert.NotEqual(row.Old, row.New);
            current[row.GroupId.Value] = row.New;
        }
        var events = await world.Admin.EventsAsync(contact);
        Assert.Equal(rows.Select(r => r.ChangeId).ToHashSet(), events.Select(e => e.Id).ToHashSet());
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
        Variant.Report(output, $"concurrent saves/{provider}: {tabs} tabs x {rounds} rounds = {tabs * rounds} saves, answers {string.Join(", ", answers.Select(a => $"{a.Key}x{a.Value}"))}, " +
            $"changes {events.Count}, ledger rows {rows.Count}, duplicate rows 0, mixed states {mixes}");
    }
}
