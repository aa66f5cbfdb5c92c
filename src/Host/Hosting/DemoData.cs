using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Host.Hosting;

/// <summary>The demo seeded into an empty database in Development: three groups, four contacts, two campaigns.</summary>
public static class DemoData
{
    /// <summary>The demo contact whose sample links are printed.</summary>
    public const string SampleEmail = "ada@example.com";

    /// <summary>Seeds the demo when the store has no group, contact or campaign; returns whether it did.</summary>
    public static async Task<bool> SeedIfEmptyAsync(IPreferenceStore store, CancellationToken ct = default)
    {
        if ((await store.ListGroupsAsync(true, ct)).Count > 0 || (await store.ListContactsAsync(null, 0, 1, ct)).Total > 0
            || (await store.ListCampaignsAsync(ct)).Count > 0)
            return false;

        var newsletter = new SubscriptionGroup
        {
            Id = Guid.CreateVersion7(), Name = "Newsletter", Order = 1,
            Description = "Our **monthly** letter: product news and [release notes](https://example.com/releases).",
        };
        var offers = new SubscriptionGroup
        {
            Id = Guid.CreateVersion7(), Name = "Offers", Order = 2,
            Description = "Discounts and *seasonal* offers, at most once a week.",
        };
        var events = new SubscriptionGroup
        {
            Id = Guid.CreateVersion7(), Name = "Events", Order = 3, OptIn = true,
            Description = "Invitations to webinars and meetups near you.\n\n- online\n- in person",
        };
        foreach (var group in new[] { newsletter, offers, events })
            await store.AddGroupAsync(group, ct);

        foreach (var (email, locale) in new[] { (SampleEmail, "en"), ("jeanne@example.com", "fr"), ("lucia@example.com", "es"), ("priya@example.com", "hi") })
            await store.AddContactAsync(new Contact { Id = Guid.CreateVersion7(), Email = email, Locale = locale }, ct);

        const string Footer = $"""
            <p style="font-size:12px;color:#555">
              <a href="{MergeTagNames.ManagePreferences}">Manage My Preferences</a> ·
              <a href="{MergeTagNames.GroupUnsubscribe}">Unsubscribe</a>
            </p>
            """;
        await store.AddCampaignAsync(new Campaign
        {
            Id = Guid.CreateVersion7(), Name = "Spring launch", Subject = "Spring is here", GroupIds = [newsletter.Id, offers.Id],
            Html = $"<html><body><h1>Spring is here</h1><p>Our new collection has arrived.</p>{Footer}</body></html>",
        }, ct);
        await store.AddCampaignAsync(new Campaign
        {
            Id = Guid.CreateVersion7(), Name = "Service notice", Subject = "Our terms change",
            Html = $"<html><body><h1>Our terms change</h1><p>Read what changes on 1 January.</p>{Footer}</body></html>",
        }, ct);
        return true;
    }
}
