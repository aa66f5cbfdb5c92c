using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.MergeTags;

/// <summary>The special-link merge tags of rich-media templates (rule S12).</summary>
public static class MergeTagNames
{
    /// <summary>Replaced by the recipient's Manage Email Preferences URL.</summary>
    public const string ManagePreferences = "*|CT_MANAGE_PREFERENCES|*";
    /// <summary>Replaced by the recipient's Group Unsubscribe URL.</summary>
    public const string GroupUnsubscribe = "*|CT_GROUP_UNSUBSCRIBE|*";

    /// <summary>Every tag with the link it stands for.</summary>
    public static IReadOnlyList<(string Tag, LinkKind Kind)> All { get; } =
    [
        (ManagePreferences, LinkKind.ManagePreferences),
        (GroupUnsubscribe, LinkKind.GroupUnsubscribe),
    ];

    /// <summary>The tag of a link kind.</summary>
    public static string TagOf(LinkKind kind) => kind switch
    {
        LinkKind.ManagePreferences => ManagePreferences,
        LinkKind.GroupUnsubscribe => GroupUnsubscribe,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
