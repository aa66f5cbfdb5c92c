using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Host.Admin;

/// <summary>One line of the analytics chart: a group (or All communication) and its count per day.</summary>
/// <param name="Key">The group id, or <see cref="UnsubscribeAnalytics.AllCommunicationKey"/>.</param>
/// <param name="Name">The group name as created; null for All communication (the page says it in its language).</param>
/// <param name="Counts">One count per day of <see cref="UnsubscribeChart.Days"/>.</param>
public sealed record UnsubscribeSeries(string Key, string? Name, IReadOnlyList<int> Counts)
{
    /// <summary>Sum over the days.</summary>
    public int Total => Counts.Sum();
}

/// <summary>Channel Unsubscribed counts per group per day.</summary>
/// <param name="Days">The days, oldest first (UTC dates).</param>
/// <param name="Series">All communication first, then each group in page order.</param>
public sealed record UnsubscribeChart(IReadOnlyList<DateOnly> Days, IReadOnlyList<UnsubscribeSeries> Series);

/// <summary>
/// Counts Channel Unsubscribed events (S11) per group per day: a group counts on a day once for every event of that day
/// that turned it from subscribed to unsubscribed (its effective state, so leaving all email counts for every group
/// the contact had). The All communication series counts events that switched All communication off.
/// </summary>
public static class UnsubscribeAnalytics
{
    /// <summary>The series key of All communication.</summary>
    public const string AllCommunicationKey = "all";

    /// <summary>Builds the chart of the <paramref name="days"/> days ending with <paramref name="today"/> (UTC).</summary>
    /// <param name="events">Events, in any order; those outside the window are ignored.</param>
    /// <param name="groups">Every group, archived included, in page order. Non-archived groups always get a series;
    /// an archived group only when it has counts in the window.</param>
    /// <param name="today">The last day of the window.</param>
    /// <param name="days">How many days.</param>
    public static UnsubscribeChart Build(IEnumerable<ChannelUnsubscribedEvent> events, IReadOnlyList<SubscriptionGroup> groups, DateOnly today, int days = 14)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var first = today.AddDays(-(days - 1));
        var dayList = Enumerable.Range(0, days).Select(first.AddDays).ToList();
        var all = new int[days];
        var perGroup = new Dictionary<Guid, int[]>();
        foreach (var e in events)
        {
            var index = DateOnly.FromDateTime(e.Time.UtcDateTime).DayNumber - first.DayNumber;
            if (index < 0 || index >= days) continue;
            if (e.AllCommunicationBefore && !e.AllCommunicationAfter) all[index]++;
            foreach (var (groupId, after) in e.GroupsAfter)
            {
                if (after || !e.GroupsBefore.GetValueOrDefault(groupId)) continue;
                if (!perGroup.TryGetValue(groupId, out var counts)) perGroup[groupId] = counts = new int[days];
                counts[index]++;
            }
        }
        var series = new List<UnsubscribeSeries> { new(AllCommunicationKey, null, all) };
        foreach (var group in groups)
        {
            var counts = perGroup.GetValueOrDefault(group.Id);
            if (group.Archived && counts is null) continue;
            series.Add(new UnsubscribeSeries(group.Id.ToString(), group.Name, counts ?? new int[days]));
        }
        return new UnsubscribeChart(dayList, series);
    }
}
