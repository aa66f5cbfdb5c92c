namespace PreferenceUiKit.Core.Domain;

/// <summary>The two special links an email can carry.</summary>
public enum LinkKind
{
    /// <summary><c>*|CT_MANAGE_PREFERENCES|*</c>: the Manage Email Preferences page.</summary>
    ManagePreferences = 1,
    /// <summary><c>*|CT_GROUP_UNSUBSCRIBE|*</c>: the Group Unsubscribe page (and the one-click target).</summary>
    GroupUnsubscribe = 2,
}

/// <summary>Where a preference change came from (recorded in the consent ledger, rule B5).</summary>
public enum ChangeSource
{
    /// <summary>The Manage Email Preferences page.</summary>
    PreferencePage = 1,
    /// <summary>The confirm button of the Group Unsubscribe page.</summary>
    GroupUnsubscribeLink = 2,
    /// <summary>An RFC 8058 one-click POST from a mailbox provider.</summary>
    OneClick = 3,
    /// <summary>The Resubscribe button.</summary>
    Resubscribe = 4,
    /// <summary>An administrator.</summary>
    Admin = 5,
    /// <summary>The JSON API used by a Custom URL page.</summary>
    Api = 6,
}
