namespace PreferenceUiKit.Host.SignIn;

/// <summary>Marker type of the sign-in page's texts (SignInText.*.resx).</summary>
public sealed class SignInText;
