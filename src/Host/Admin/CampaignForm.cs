using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;

namespace PreferenceUiKit.Host.Admin;

/// <summary>
/// What the campaign editor holds while the admin types; <see cref="ToCampaign"/> applies the same checks as the admin
/// API (name, template size, known groups) before anything is stored.
/// </summary>
public sealed class CampaignForm
{
    /// <summary>Longest accepted campaign name (as in the admin API).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Campaign name shown to admins.</summary>
    public string Name { get; set; } = "";
    /// <summary>Subject line; the name when left empty.</summary>
    public string Subject { get; set; } = "";
    /// <summary>Associated subscription groups.</summary>
    public HashSet<Guid> GroupIds { get; } = [];
    /// <summary><em>Send email to users who have opted out</em> (S14).</summary>
    public bool SendToOptedOut { get; set; }
    /// <summary>The template as raw HTML with CT tags.</summary>
    public string Html { get; set; } = "";

    /// <summary>A form filled from a stored campaign.</summary>
    public static CampaignForm From(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var form = new CampaignForm { Name = campaign.Name, Subject = campaign.Subject, SendToOptedOut = campaign.SendToOptedOut, Html = campaign.Html };
        form.GroupIds.UnionWith(campaign.GroupIds);
        return form;
    }

    /// <summary>Validates the form into a campaign.</summary>
    /// <param name="id">The campaign's id.</param>
    /// <param name="groups">Every group, archived or not, in page order (associations keep that order).</param>
    /// <exception cref="PreferenceValidationException">The name is empty or too long, the template too large, or or a group unknown.</exception>
    public Campaign ToCampaign(Guid id, IReadOnlyList<SubscriptionGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var name = Name.Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
            throw new PreferenceValidationException("name", ErrorCodes.CampaignNameRequired, $"A campaign needs a name of at most {MaxNameLength} characters.");
        if (Html.Length > TemplateLinter.MaxTemplateLength)
            throw new PreferenceValidationException("html", ErrorCodes.TemplateTooLarge, $"The template has more than {TemplateLinter.MaxTemplateLength} characters.");
        // An archived group stays associated if it was (sending ignores it); the editor offers only active ones.
        var known = groups.Select(g => g.Id).ToList();
        var unknown = GroupIds.Where(g => !known.Contains(g)).ToList();
        if (unknown.Count > 0)
            throw new PreferenceValidationException("groupIds", ErrorCodes.UnknownGroups, $"Unknown subscription group id(s): {string.Join(", ", unknown)}.", unknown.Select(u => u.ToString()).ToList());
        var subject = Subject.Trim();
        return new Campaign
        {
            Id = id,
            Name = name,
            Subject = subject.Length == 0 ? name : subject,
            GroupIds = known.Where(GroupIds.Contains).ToList(),
            Html = Html,
            SendToOptedOut = SendToOptedOut,
        };
    }

    /// <summary>Whether the form says the same as a stored campaign (nothing left to save).</summary>
    public bool Matches(Campaign? stored) =>
        stored is not null
        && stored.Name == Name.Trim()
        && stored.Subject == (Subject.Trim().Length == 0 ? Name.Trim() : Subject.Trim())
        && stored.SendToOptedOut == SendToOptedOut
        && stored.Html == Html
        && stored.GroupIds.ToHashSet().SetEquals(GroupIds);
}
