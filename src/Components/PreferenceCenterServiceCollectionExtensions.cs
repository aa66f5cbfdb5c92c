using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PreferenceUiKit.Components.Localization;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components;

/// <summary>Registers the recipient pages' services.</summary>
public static class PreferenceCenterServiceCollectionExtensions
{
    /// <summary>
    /// Adds what the recipient pages need: options (section <c>PreferenceCenter</c>, then <paramref name="configure"/>),
    /// static server rendering of components, the rules, link signing and building, a clock, the page texts, and an
    /// in-memory store unless a store is already registered. The key ring is registered with TryAdd so that a store
    /// package can keep keys in its database instead.
    /// </summary>
    public static IServiceCollection AddPreferenceCenter(this IServiceCollection services, Action<PreferenceCenterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PreferenceCenterOptions>().BindConfiguration(PreferenceCenterOptions.SectionName);
        if (configure is not null) options.Configure(configure);
        options.Validate(o => o.SigningKeys.All(k => IsValidSecret(k.Secret)),
            $"Every {PreferenceCenterOptions.SectionName}:SigningKeys entry needs a Base64 Secret of at least {LinkSigningKey.MinSecretBytes} bytes.");
        options.Validate(o => o.SigningKeys.Select(k => k.Id).Distinct().Count() == o.SigningKeys.Count,
            $"{PreferenceCenterOptions.SectionName}:SigningKeys ids must be unique.");
        options.ValidateOnStart();
        options.Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
            $"{PreferenceCenterOptions.SectionName}:PublicBaseUrl must be an absolute http(s) URL.");

        services.AddRazorComponents();
        services.AddMudServices();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPreferenceStore>(sp => new InMemoryPreferenceStore(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ILinkKeyRing>(CreateKeyRing);
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PreferenceCenterOptions>>().Value;
            return new PreferenceCenterUrls(new Uri(o.PublicBaseUrl ?? "http://localhost:5080"), o.RoutePrefix);
        });
        // Scoped: a database store or key ring may be scoped; nothing here holds state between requests.
        services.TryAddScoped(sp => new PreferenceLinkSigner(sp.GetRequiredService<ILinkKeyRing>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped(sp => new PreferenceLinkBuilder(sp.GetRequiredService<PreferenceLinkSigner>(), sp.GetRequiredService<PreferenceCenterUrls>()));
        services.TryAddScoped(sp => new PreferenceRules(sp.GetRequiredService<IPreferenceStore>(), sp.GetRequiredService<TimeProvider>()));
        AddRecipientText(services);
        return services;
    }

    /// <summary>The page texts, independent of the host's own localization settings.</summary>
    internal static void AddRecipientText(IServiceCollection services)
        => services.TryAddSingleton<IStringLocalizer<RecipientText>, RecipientTextLocalizer>();

    private static ILinkKeyRing CreateKeyRing(IServiceProvider sp)
    {
        var o = sp.GetRequiredService<IOptions<PreferenceCenterOptions>>().Value;
        if (o.SigningKeys.Count == 0)
        {
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("PreferenceUiKit.Components.PreferenceCenter").LogWarning(
                "No link-signing key is configured ({Section}:SigningKeys); a key was generated for this run. Links sent now will not work after a restart.",
                PreferenceCenterOptions.SectionName);
            return new StaticLinkKeyRing(LinkSigningKey.Generate(1));
        }
        var keys = o.SigningKeys.Select(k => LinkSigningKey.FromBase64(k.Id, k.Secret.Trim())).ToList();
        return new StaticLinkKeyRing(keys[^1], keys.Take(keys.Count - 1));
    }

    private static bool IsValidSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret)) return false;
        var buffer = new byte[secret.Length];
        return Convert.TryFromBase64String(secret.Trim(), buffer, out var n) && n >= LinkSigningKey.MinSecretBytes;
    }
}
