using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.Links;

/// <summary>What a signed link says: which page, for whom, from which campaign, and whether it came from a test send.</summary>
/// <param name="Kind">Which page.</param>
/// <param name="ContactId">The recipient (an opaque id; never an email address).</param>
/// <param name="CampaignId">The campaign the email belonged to, if any.</param>
/// <param name="IsTest">True for links in a test send: pages are viewable, nothing is saved (rules S6, S10).</param>
/// <param name="IssuedAt">When the link was signed (second precision).</param>
public sealed record PreferenceLink(LinkKind Kind, Guid ContactId, Guid? CampaignId, bool IsTest, DateTimeOffset IssuedAt);
