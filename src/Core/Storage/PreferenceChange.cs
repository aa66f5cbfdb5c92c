using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Events;

namespace PreferenceUiKit.Core.Storage;

/// <summary>
/// One atomic change of a contact's preferences: the new state, its ledger rows and its event.
/// A store commits all three or none.
/// </summary>
/// <param name="ExpectedVersion">The <see cref="ContactPreferences.Version"/> the change was computed from (0 when none was stored).</param>
/// <param name="Preferences">The new state.</param>
/// <param name="Ledger">The ledger rows; one per switch that changed.</param>
/// <param name="Event">The Channel Unsubscribed event.</param>
public sealed record PreferenceChange(
    long ExpectedVersion,
    ContactPreferences Preferences,
    IReadOnlyList<ConsentLedgerEntry> Ledger,
    ChannelUnsubscribedEvent Event);

/// <summary>A page of contacts.</summary>
public sealed record ContactPage(IReadOnlyList<Contact> Items, int Total);

/// <summary>Outcome of a bulk contact import.</summary>
/// <param name="Imported">New contacts stored.</param>
/// <param name="Duplicates">Addresses already known (left unchanged).</param>
public sealed record ImportOutcome(int Imported, int Duplicates);
