namespace PreferenceUiKit.Components.Pages;

/// <summary>An error the Manage Email Preferences page shows above its form.</summary>
public enum PreferencesAlert
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>S15: <em>Failed to save your preferences</em>; the person's choices stay on the page.</summary>
    SaveFailed = 1,
    /// <summary>The form named groups that no longer exist.</summary>
    UnknownGroups = 2,
}
