namespace PreferenceUiKit.Testing;

/// <summary>
/// The <c>data-testid</c> hooks of the recipient pages (the contract documented in docs/recipient-pages.md and
/// docs/testing.md). Page objects rely on these and on the pages' accessible names only.
/// </summary>
public static class RecipientTestIds
{
    /// <summary>Prefix of each group's switch; the group id follows (<c>group-toggle-{groupId}</c>).</summary>
    public const string GroupTogglePrefix = "group-toggle-";
    /// <summary>The <em>All communication</em> switch.</summary>
    public const string AllCommunication = "all-communication";
    /// <summary>The Save button of Manage Email Preferences.</summary>
    public const string Save = "save";
    /// <summary>The confirm button of Group Unsubscribe.</summary>
    public const string ConfirmUnsubscribe = "confirm-unsubscribe";
    /// <summary>The Resubscribe button of the unsubscribe result page.</summary>
    public const string Resubscribe = "resubscribe";
    /// <summary>The <c>role=status</c> result on the saved, done and resubscribed pages.</summary>
    public const string ResultMessage = "result-message";
    /// <summary>The banner of a test link (<em>preferences are not saved</em>).</summary>
    public const string TestBanner = "test-banner";
    /// <summary>The <c>role=alert</c> error block.</summary>
    public const string ErrorMessage = "error-message";
    /// <summary>The link to Manage Email Preferences (also <em>back</em> on the saved page).</summary>
    public const string ManagePreferencesLink = "manage-preferences-link";
    /// <summary>The list of groups a Group Unsubscribe leaves (S3).</summary>
    public const string GroupsToLeave = "groups-to-leave";
    /// <summary>The sentence saying a Group Unsubscribe leaves all email (S4, S5).</summary>
    public const string LeaveAllEmail = "leave-all-email";
    /// <summary>The list of every group a test link shows (S6).</summary>
    public const string TestGroupList = "test-group-list";
    /// <summary>Try again after a failure.</summary>
    public const string Retry = "retry";

    /// <summary>The hook of one group's switch.</summary>
    /// <param name="groupId">The group id as the admin API returns it.</param>
    public static string GroupToggle(string groupId) => GroupTogglePrefix + groupId;
}
