using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.Events;

/// <summary>
/// One row of the append-only consent ledger (rule B5): a single switch that changed, with its old and new
/// value, where the change came from and when. Rows of one save share <see cref="ChangeId"/>, which is also
/// the id of the <see cref="ChannelUnsubscribedEvent"/> raised for it.
/// </summary>
public sealed record ConsentLedgerEntry
{
    /// <summary>Commit order, assigned by the store (ascending).</summary>
    public long Sequence { get; init; }
    /// <summary>The save this row belongs to.</summary>
    public required Guid ChangeId { get; init; }
    /// <summary>Whose consent changed.</summary>
    public required Guid ContactId { get; init; }
    /// <summary>The group whose state changed, or null for the All communication switch.</summary>
    public Guid? GroupId { get; init; }
    /// <summary>Value before.</summary>
    public required bool OldValue { get; init; }
    /// <summary>Value after.</summary>
    public required bool NewValue { get; init; }
    /// <summary>What made the change.</summary>
    public required ChangeSource Source { get; init; }
    /// <summary>The campaign whose link was used, if any.</summary>
    public Guid? CampaignId { get; init; }
    /// <summary>When.</summary>
    public required DateTimeOffset Time { get; init; }
    /// <summary>The page language, if known.</summary>
    public string? Locale { get; init; }
}
