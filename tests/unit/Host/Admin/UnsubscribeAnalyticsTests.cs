using System.Collections.Immutable;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Host.Admin;

namespace PreferenceUiKit.Host.Tests.Admin;

public class UnsubscribeAnalyticsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static ChannelUnsubscribedEvent Event(DateOnly day, Dictionary<Guid, (bool Before, bool After)> groups, bool allBefore = true, bool allAfter = true) => new()
    {
        Id = Guid.NewGuid(), ContactId = Guid.NewGuid(), Source = ChangeSource.PreferencePage,
        AllCommunicationBefore = allBefore, AllCommunicationAfter = allAfter,
        GroupsBefore = groups.ToImmutableDictionary(p => p.Key, p => p.Value.Before),
        GroupsAfter = groups.ToImmutableDictionary(p => p.Key, p => p.Value.After),
        Time = new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero),
    };

    [Fact]
    public void A_resubscribe_does_not_count_and_an_archived_group_shows_only_with_counts()
    {
        var active = new SubscriptionGroup { Id = Guid.NewGuid(), Name = "Newsletter", Order = 0 };
        var archivedWithCounts = new SubscriptionGroup { Id = Guid.NewGuid(), Name = "Old offers", Order = 1, Archived = true };
        var archivedQuiet = new SubscriptionGroup { Id = Guid.NewGuid(), Name = "Old events", Order = 2, Archived = true };
        var events = new[]
        {
            Event(Today, new() { [active.Id] = (false, true) }),
            Event(Today.AddDays(-13), new() { [archivedWithCounts.Id] = (true, false) }),
            Event(Today.AddDays(-14), new() { [active.Id] = (true, false) }),
        };

        var chart = UnsubscribeAnalytics.Build(events, [active, archivedWithCounts, archivedQuiet], Today);

        Assert.Equal(Today.AddDays(-13), chart.Days[0]);
        Assert.Equal(["all", active.Id.ToString(), archivedWithCounts.Id.ToString()], chart.Series.Select(s => s.Key));
        Assert.Equal(0, chart.Series[1].Total);
        Assert.Equal(1, chart.Series[2].Counts[0]);
    }
}
