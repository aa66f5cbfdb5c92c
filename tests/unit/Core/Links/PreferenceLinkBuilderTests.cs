using Microsoft.Extensions.Time.Testing;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.MergeTags;

namespace PreferenceUiKit.Core.Tests.Links;

public class PreferenceLinkBuilderTests
{
    private readonly PreferenceLinkSigner _signer = new(new StaticLinkKeyRing(LinkSigningKey.Generate(1)), new FakeTimeProvider(DateTimeOffset.UtcNow));
    private PreferenceLinkBuilder Builder(string prefix = "/email") => new(_signer, new PreferenceCenterUrls(new Uri("https://mail.example.com/"), prefix));

    [Fact]
    public void S1_system_mode_links_to_the_hosted_routes()
    {
        var links = Builder().BuildRecipientLinks(ProviderSettings.Default, Guid.NewGuid(), Guid.NewGuid());

        Assert.StartsWith("https://mail.example.com/email/preferences/", links.ManagePreferencesUrl);
        Assert.StartsWith("https://mail.example.com/email/unsubscribe/", links.GroupUnsubscribeUrl);
        var token = links.ManagePreferencesUrl![("https://mail.example.com/email/preferences/".Length)..];
        Assert.True(_signer.TryVerify(token, LinkKind.ManagePreferences, out _));
    }

    [Fact]
    public void S1_custom_url_mode_carries_the_token_to_the_customers_page()
    {
        var settings = ProviderSettings.Create(PreferenceCenterMode.CustomUrl, "https://shop.example.com/prefs?brand=a");

        var url = Builder().BuildUrl(settings, LinkKind.GroupUnsubscribe, Guid.NewGuid(), null)!;
        var html = Builder().BuildRecipientLinks(settings, Guid.NewGuid(), null).GroupUnsubscribeUrl!;

        Assert.Matches(@"^https://shop\.example\.com/prefs\?brand=a&kind=unsubscribe&token=[A-Za-z0-9_-]+$", url);
        Assert.Contains("?brand=a&amp;kind=unsubscribe&amp;token=", html); // escaped for an href attribute
    }

    [Fact]
    public void S1_mode_none_gives_no_links()
    {
        var links = Builder().BuildRecipientLinks(new ProviderSettings(PreferenceCenterMode.None), Guid.NewGuid(), null);
        Assert.Null(links.ManagePreferencesUrl);
        Assert.Null(links.GroupUnsubscribeUrl);
    }

    [Fact]
    public void B1_one_click_url_is_the_hosted_unsubscribe_route_in_every_mode()
    {
        var url = Builder("/prefs/").BuildOneClickUrl(Guid.NewGuid(), Guid.NewGuid());
        Assert.StartsWith("https://mail.example.com/prefs/unsubscribe/", url);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/relative/page")]
    [InlineData("http://shop.example.com/prefs")]
    [InlineData("ftp://shop.example.com/prefs")]
    [InlineData("https://user:pw@shop.example.com/")]
    [InlineData("")]
    [InlineData(null)]
    public void S1_custom_url_must_be_absolute_https(string? url)
    {
        var ex = Assert.Throws<PreferenceValidationException>(() => ProviderSettings.Create(PreferenceCenterMode.CustomUrl, url));
        Assert.Equal("customUrl", ex.Field);
    }

    [Fact]
    public void S1_custom_url_may_use_http_on_localhost_for_development()
        => Assert.Equal("localhost", ProviderSettings.Create(PreferenceCenterMode.CustomUrl, "http://localhost:3000/p").CustomUrl!.Host);

    [Fact]
    public void B1_List_Unsubscribe_headers_follow_RFC_2369_and_8058()
    {
        var url = Builder().BuildOneClickUrl(Guid.NewGuid(), null);

        var value = ListUnsubscribeHeaders.BuildListUnsubscribe(url, "unsubscribe@mail.example.com", "unsubscribe");

        Assert.Matches(@"^<https://[^<>\s,]+>, <mailto:unsubscribe@mail\.example\.com\?subject=unsubscribe>$", value);
        Assert.Equal($"<{url}>", ListUnsubscribeHeaders.BuildListUnsubscribe(url));
        Assert.Equal("List-Unsubscribe=One-Click", ListUnsubscribeHeaders.OneClickValue);
        Assert.Throws<ArgumentException>(() => ListUnsubscribeHeaders.BuildListUnsubscribe("http://mail.example.com/x"));
        Assert.Throws<ArgumentException>(() => ListUnsubscribeHeaders.BuildListUnsubscribe("mailto:a@example.com"));
    }
}
