using System.Net;

namespace PreferenceUiKit.Reliability.Tests.Support;

/// <summary>
/// One contact's writes as one client issues them, one at a time: the state the host acknowledged, how many
/// acknowledged changes it made, and the write in flight when the host died (it may or may not have committed).
/// Every write changes the state, so the ledger must hold exactly one change per committed write.
/// </summary>
public sealed class ContactTrack(Guid id, string managePath, string unsubscribePath, int groups)
{
    public Guid Id { get; } = id;
    public string ManagePath { get; } = managePath;
    public string UnsubscribePath { get; } = unsubscribePath;
    /// <summary>Last acknowledged state of each group (opt-out groups start subscribed).</summary>
    public bool[] Expected { get; set; } = Enumerable.Repeat(true, groups).ToArray();
    /// <summary>Writes known to be committed: acknowledged, or in flight and found in the store afterwards.</summary>
    public int Committed { get; set; }
    /// <summary>Acknowledged writes.</summary>
    public int Acknowledged { get; set; }
    /// <summary>The write sent but not answered, if any.</summary>
    public bool[]? InFlight { get; set; }
}

/// <summary>Clients that save preferences and post one-click unsubscribes against a host.</summary>
public static class Traffic
{
    /// <summary>The form a browser posts from the Manage Email Preferences page.</summary>
    public static FormUrlEncodedContent SaveForm(IReadOnlyList<Guid> groups, bool[] state)
    {
        var fields = new List<KeyValuePair<string, string>> { new("intent", "save"), new("all", "true") };
        fields.AddRange(groups.Select(g => new KeyValuePair<string, string>("shown", g.ToString())));
        for (var i = 0; i < groups.Count; i++)
            if (state[i]) fields.Add(new("group", groups[i].ToString()));
        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The RFC 8058 one-click body.</summary>
    public static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    /// <summary>
    /// Runs <paramref name="workers"/> clients, each owning a share of <paramref name="contacts"/>, until
    /// <paramref name="stop"/> says so or the host stops answering. Returns the number of acknowledged writes.
    /// Campaign groups are the first <paramref name="campaignGroups"/> of <paramref name="groups"/>.
    /// </summary>
    public static async Task<int> RunAsync(Func<int, HttpClient> clientFor, IReadOnlyList<ContactTrack> contacts, IReadOnlyList<Guid> groups,
        int campaignGroups, int workers, Func<int, bool> stop, int seed, Action<string>? onRefused = null)
    {
        var acknowledged = 0;
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            var mine = contacts.Where((_, i) => i % workers == w).ToList();
            var turn = 0;
            while (!stop(Volatile.Read(ref acknowledged)))
            {
                var contact = mine[turn++ % mine.Count];
                var client = clientFor(turn);
                bool[] next;
                HttpResponseMessage response;
                var oneClick = contact.Expected.Take(campaignGroups).Any(v => v) && random.NextDouble() < 0.35;
                if (oneClick)
                {
                    next = contact.Expected.Select((v, i) => i < campaignGroups ? false : v).ToArray();
                    contact.InFlight = next;
                    try { response = await client.PostAsync(contact.UnsubscribePath, OneClick()); }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return; }
                }
                else
                {
                    do next = contact.Expected.Select(_ => random.Next(2) == 0).ToArray();
                    while (next.SequenceEqual(contact.Expected));
                    contact.InFlight = next;
                    try { response = await client.PostAsync(contact.ManagePath, SaveForm(groups, next)); }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return; }
                }
                var ok = oneClick ? response.StatusCode == HttpStatusCode.OK : response.StatusCode == HttpStatusCode.SeeOther;
                if (!ok)
                {
                    onRefused?.Invoke($"{(oneClick ? "one-click" : "save")} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    return; // not acknowledged; the write stays "in flight" (it may have committed or not)
                }
                response.Dispose();
                contact.Expected = next;
                contact.InFlight = null;
                contact.Committed++;
                contact.Acknowledged++;
                Interlocked.Increment(ref acknowledged);
            }
        })).ToList();
        await Task.WhenAll(tasks);
        return acknowledged;
    }

    /// <summary>
    /// After a restart: the store must hold the acknowledged state, or the in-flight one (which then counts as
    /// committed). Returns a description of every contact that holds neither (an acknowledged write lost).
    /// </summary>
    public static async Task<List<string>> ReconcileAsync(Admin admin, IReadOnlyList<ContactTrack> contacts, IReadOnlyList<Guid> groups)
    {
        var lost = new List<string>();
        foreach (var c in contacts)
        {
            var (_, actualById) = await admin.PreferencesAsync(c.Id);
            var actual = groups.Select(g => actualById[g]).ToArray();
            if (actual.SequenceEqual(c.Expected)) { }
            else if (c.InFlight is { } f && actual.SequenceEqual(f))
            {
                c.Expected = f;
                c.Committed++;
            }
            else lost.Add($"{c.Id}: store {Show(actual)}, acknowledged {Show(c.Expected)}, in flight {(c.InFlight is null ? "-" : Show(c.InFlight))}");
            c.InFlight = null;
        }
        return lost;
    }

    /// <summary>The state as 0/1 characters.</summary>
    public static string Show(bool[] state) => string.Concat(state.Select(v => v ? '1' : '0'));
}
