namespace PreferenceUiKit.Components.Pages;

/// <summary>The errors a recipient can meet (rule S15), each with its own page text.</summary>
public enum RecipientError
{
    /// <summary>A bad, tampered, expired or unknown link: a 404.</summary>
    NotFound = 1,
    /// <summary><em>We could not retrieve your email address</em>: the contact no longer exists, or the store could not be read.</summary>
    ContactMissing = 2,
    /// <summary><em>Failed to save your preferences</em>: the store refused or failed the write.</summary>
    SaveFailed = 3,
    /// <summary>A form post missing its fields.</summary>
    BadRequest = 4,
}
