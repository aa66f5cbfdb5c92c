using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.Tests.Domain;

public class DomainValidationTests
{
    [Theory]
    [InlineData("a@example.com", "a@example.com")]
    [InlineData("  Ana.Lopez@Example.COM ", "Ana.Lopez@example.com")]
    public void Emails_are_trimmed_and_domains_lower_cased(string input, string expected)
        => Assert.Equal(expected, Contact.NormalizeEmail(input));

    [Theory]
    [InlineData(null, ErrorCodes.EmailRequired)]
    [InlineData("", ErrorCodes.EmailRequired)]
    [InlineData("not-an-email", ErrorCodes.EmailInvalid)]
    [InlineData("a@b", ErrorCodes.EmailInvalid)]
    [InlineData("a@@example.com", ErrorCodes.EmailInvalid)]
    [InlineData("Ana <a@example.com>", ErrorCodes.EmailInvalid)]
    [InlineData("a@example.com, b@example.com", ErrorCodes.EmailInvalid)]
    [InlineData("a@exa mple.com", ErrorCodes.EmailInvalid)]
    public void Bad_emails_are_refused_with_a_code(string? input, string code)
    {
        var ex = Assert.Throws<PreferenceValidationException>(() => Contact.NormalizeEmail(input));
        Assert.Equal(("email", code), (ex.Field, ex.Code));
    }

    [Fact]
    public void A_huge_email_is_refused_and_the_message_stays_short()
    {
        var ex = Assert.Throws<PreferenceValidationException>(() => Contact.NormalizeEmail(new string('a', 1_000_000) + "@example.com"));
        Assert.True(ex.Message.Length < 200);
    }

    [Fact]
    public void Group_names_are_required_and_bounded()
    {
        Assert.Equal(("Newsletters", "*md*"), SubscriptionGroup.ValidateText("  Newsletters ", "*md*"));
        Assert.Equal(ErrorCodes.GroupNameRequired, Assert.Throws<PreferenceValidationException>(() => SubscriptionGroup.ValidateText("  ", null)).Code);
        Assert.Equal(ErrorCodes.GroupNameTooLong, Assert.Throws<PreferenceValidationException>(() => SubscriptionGroup.ValidateText(new string('x', 121), null)).Code);
        Assert.Equal(ErrorCodes.GroupDescriptionTooLong, Assert.Throws<PreferenceValidationException>(() => SubscriptionGroup.ValidateText("x", new string('x', 5000))).Code);
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("es_419", "es-419")]
    [InlineData(" ", null)]
    public void Locales_are_normalized(string input, string? expected) => Assert.Equal(expected, Contact.NormalizeLocale(input));

    [Fact]
    public void Bad_locales_and_modes_are_refused()
    {
        Assert.Equal(ErrorCodes.LocaleInvalid, Assert.Throws<PreferenceValidationException>(() => Contact.NormalizeLocale("<script>")).Code);
        Assert.Equal(ErrorCodes.InvalidMode, Assert.Throws<PreferenceValidationException>(() => ProviderSettings.Create((PreferenceCenterMode)42, null)).Code);
    }
}
