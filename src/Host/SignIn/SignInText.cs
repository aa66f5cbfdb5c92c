namespace PreferenceUiKit.Host.SignIn;

/// <summary>Marker type of the sign-in page's texts (SignInText.*.resx).</summary>
public sealed class SignInText;

/// <summary>What the sign-in page reports about the last attempt.</summary>
public enum SignInProblem
{
    /// <summary>Nothing to report.</summary>
    None,
    /// <summary>The email or password did not match.</summary>
    WrongCredentials,
    /// <summary>The form was not a sign-in form from this site, or its antiforgery token expired.</summary>
    Expired,
}
