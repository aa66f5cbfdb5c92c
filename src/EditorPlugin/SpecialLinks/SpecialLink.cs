using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.EditorPlugin.Localization;

namespace PreferenceUiKit.EditorPlugin.SpecialLinks;

/// <summary>
/// One entry of the editor's <em>Special links</em> menu: picking it turns the selected text into
/// <c>&lt;a href="Tag"&gt;selected text&lt;/a&gt;</c>.
/// </summary>
/// <param name="Id">Stable identifier (lower-case letters, digits and dashes), used in markup hooks and exports.</param>
/// <param name="Tag">The <c>href</c> the link gets: a merge tag such as <c>*|CT_GROUP_UNSUBSCRIBE|*</c> or a URL.</param>
/// <param name="Category">The submenu the entry sits in.</param>
/// <param name="Label">The entry's name in the menu and the link settings.</param>
/// <param name="LinkText">The text the editor's blocks put inside the link.</param>
public sealed record SpecialLink(string Id, string Tag, SpecialLinkCategory Category, LocalizedText Label, LocalizedText LinkText)
{
    /// <summary>The preference-center link this entry stands for, or null for a host's own entry.</summary>
    public LinkKind? Kind { get; init; }

    /// <summary>
    /// Whether the link may only be used while at least one subscription group exists (rule S9: a Manage Email
    /// Preferences link with no groups must not be sent). The editor refuses it with <see cref="RefusalWithoutGroups"/>.
    /// </summary>
    public bool RequiresSubscriptionGroups { get; init; }

    /// <summary>Why the entry is refused while no subscription group exists; shown to the designer.</summary>
    public LocalizedText? RefusalWithoutGroups { get; init; }

    /// <summary>Whether the entry can be used, given whether subscription groups exist.</summary>
    public bool IsAvailable(bool groupsConfigured) => groupsConfigured || !RequiresSubscriptionGroups;
}
