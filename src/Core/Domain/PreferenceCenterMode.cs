namespace PreferenceUiKit.Core.Domain;

/// <summary>The provider setting <em>Email Preference Center</em> (rule S1).</summary>
public enum PreferenceCenterMode
{
    /// <summary>No hosted page: the sender manages preferences itself; the CT tags are an error.</summary>
    None = 0,
    /// <summary>The hosted pages of this kit serve the links.</summary>
    System = 1,
    /// <summary>Links go to the customer's own page, carrying the signed token; the JSON API serves that page.</summary>
    CustomUrl = 2,
}
