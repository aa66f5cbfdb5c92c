using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceUiKit.EditorPlugin.SpecialLinks;

namespace PreferenceUiKit.EditorPlugin;

/// <summary>Registers the editor's services.</summary>
public static class EditorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="SpecialLinkCatalog"/> that every <see cref="EmailTemplateEditor"/> uses, starting from
    /// the default entries; <paramref name="configure"/> can add the host's own.
    /// </summary>
    public static IServiceCollection AddEmailTemplateEditor(this IServiceCollection services, Action<SpecialLinkCatalog>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = SpecialLinkCatalog.CreateDefault();
        configure?.Invoke(catalog);
        services.TryAddSingleton(catalog);
        return services;
    }
}
