using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Components.Tests.Support;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components.Tests.Endpoints;

public class RegistrationTests
{
    private static readonly string OldSecret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string NewSecret = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        before?.Invoke(services);
        services.AddPreferenceCenter();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public void Keys_come_from_the_PreferenceCenter_section_the_last_signs_and_all_verify()
    {
        using var sp = Build(new()
        {
            ["PreferenceCenter:SigningKeys:0:Id"] = "1", ["PreferenceCenter:SigningKeys:0:Secret"] = OldSecret,
            ["PreferenceCenter:SigningKeys:1:Id"] = "2", ["PreferenceCenter:SigningKeys:1:Secret"] = NewSecret,
            ["PreferenceCenter:PublicBaseUrl"] = "https://mail.example.com",
        });
        var ring = sp.GetRequiredService<ILinkKeyRing>();
        Assert.Equal(2, ring.SigningKey.Id);
        Assert.True(ring.TryGetKey(1, out _));

        var before = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.FromBase64(1, OldSecret)));
        using var scope = sp.CreateScope();
        var signer = scope.ServiceProvider.GetRequiredService<PreferenceLinkSigner>();
        Assert.True(signer.TryVerify(before.Sign(LinkKind.ManagePreferences, Guid.NewGuid()), out _));
        Assert.StartsWith("https://mail.example.com/email/preferences/", scope.ServiceProvider.GetRequiredService<PreferenceLinkBuilder>()
            .BuildUrl(ProviderSettings.Default, LinkKind.ManagePreferences, Guid.NewGuid(), null));
    }

    [Fact]
    public void Without_keys_a_key_is_generated_and_links_work_for_the_run()
    {
        using var sp = Build([]);
        using var scope = sp.CreateScope();
        var signer = scope.ServiceProvider.GetRequiredService<PreferenceLinkSigner>();
        Assert.True(signer.TryVerify(signer.Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid()), out _));
    }

    [Fact]
    public void A_short_or_malformed_secret_is_refused_with_a_message_naming_the_setting()
    {
        using var sp = Build(new() { ["PreferenceCenter:SigningKeys:0:Id"] = "1", ["PreferenceCenter:SigningKeys:0:Secret"] = "c2hvcnQ=" });
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<PreferenceCenterOptions>>().Value);
        Assert.Contains("SigningKeys", e.Message);
    }

    [Fact]
    public void A_store_and_key_ring_registered_by_the_host_are_kept()
    {
        var store = new InMemoryPreferenceStore();
        var ring = new StaticLinkKeyRing(LinkSigningKey.Generate(9));
        using var sp = Build([], s => s.AddSingleton<IPreferenceStore>(store).AddSingleton<ILinkKeyRing>(ring));
        Assert.Same(store, sp.GetRequiredService<IPreferenceStore>());
        Assert.Same(ring, sp.GetRequiredService<ILinkKeyRing>());
        using var scope = sp.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PreferenceRules>());
    }

    [Fact]
    public async Task Without_a_store_the_in_memory_store_serves_the_pages()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddPreferenceCenter();
        await using var app = builder.Build();
        app.MapPreferenceCenter();
        await app.StartAsync();
        Assert.IsType<InMemoryPreferenceStore>(app.Services.GetRequiredService<IPreferenceStore>());
        await app.StopAsync();
    }

    [Fact]
    public async Task A_custom_prefix_serves_the_pages_and_redirects_under_it()
    {
        var demo = await DemoStore.CreateAsync();
        await using var server = await RecipientServer.StartAsync(demo.Store, demo.Keys, "/prefs");
        var token = demo.Token(LinkKind.ManagePreferences);

        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/prefs/preferences/{token}")).StatusCode);
        var post = await server.Client.PostAsync($"/prefs/preferences/{token}", Http.Form(("intent", "save"), ("all", "true")));
        Assert.Equal($"/prefs/preferences/{token}/saved", post.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync($"/email/preferences/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/prefs/elsewhere")).StatusCode);
    }
}
