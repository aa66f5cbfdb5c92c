using Bunit;
using PreferenceUiKit.Components.Pages;
using PreferenceUiKit.Components.Tests.Support;

namespace PreferenceUiKit.Components.Tests.Pages;

/// <summary>S15: each error says what happened and what to do next, in the page's language.</summary>
public class RecipientErrorPageTests
{
    [Theory]
    [InlineData("en", RecipientError.NotFound, "This link does not work")]
    [InlineData("fr", RecipientError.NotFound, "Ce lien ne fonctionne pas")]
    [InlineData("es", RecipientError.NotFound, "Este enlace no funciona")]
    [InlineData("hi", RecipientError.NotFound, "यह लिंक काम नहीं करता")]
    [InlineData("en", RecipientError.ContactMissing, "We could not retrieve your email address")]
    [InlineData("fr", RecipientError.ContactMissing, "Nous n'avons pas pu retrouver votre adresse e-mail")]
    [InlineData("es", RecipientError.ContactMissing, "No pudimos recuperar su dirección de correo electrónico")]
    [InlineData("hi", RecipientError.ContactMissing, "हम आपका ईमेल पता प्राप्त नहीं कर सके")]
    [InlineData("en", RecipientError.SaveFailed, "Failed to save your preferences")]
    [InlineData("fr", RecipientError.SaveFailed, "Échec de l'enregistrement de vos préférences")]
    [InlineData("es", RecipientError.SaveFailed, "No se pudieron guardar sus preferencias")]
    [InlineData("hi", RecipientError.SaveFailed, "आपकी प्राथमिकताएँ सहेजी नहीं जा सकीं")]
    public async Task Each_error_has_its_title_and_next_steps_in_each_language(string language, RecipientError error, string title)
    {
        await using var ctx = PageTestContext.Create(language);
        var cut = ctx.Render<RecipientErrorPage>(p => p.Add(x => x.Error, error));
        var message = cut.Find("[data-testid=error-message]");
        Assert.Equal("alert", message.GetAttribute("role"));
        Assert.Equal(title, cut.Find("h1").TextContent);
        Assert.True(cut.FindAll("ul.puk-guidance li").Count >= 3);
    }

    [Fact]
    public async Task The_guidance_no_longer_blames_javascript_the_pages_do_not_need_it()
    {
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<RecipientErrorPage>(p => p.Add(x => x.Error, RecipientError.ContactMissing));
        var advice = cut.FindAll("ul.puk-guidance li").Select(li => li.TextContent).ToList();
        Assert.Contains("Make sure your internet connection is stable, then reload the page.", advice);
        Assert.Contains("This page needs neither JavaScript nor cookies, so browser settings and ad blockers are not the cause.", advice);
        Assert.DoesNotContain(advice, a => a.Contains("Ensure that Javascript is enabled", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_save_failure_with_a_retry_reposts_the_fields_it_was_given()
    {
        await using var ctx = PageTestContext.Create();
        var cut = ctx.Render<RecipientErrorPage>(p => p.Add(x => x.Error, RecipientError.SaveFailed).Add(x => x.RetryUrl, "/email/preferences/T")
            .Add(x => x.RetryFields, [KeyValuePair.Create("intent", "save"), KeyValuePair.Create("group", "g\"1")]));
        Assert.Equal("/email/preferences/T", cut.Find("form").GetAttribute("action"));
        Assert.Equal(["save", "g\"1"], cut.FindAll("input[type=hidden]").Select(i => i.GetAttribute("value")));
    }
}
