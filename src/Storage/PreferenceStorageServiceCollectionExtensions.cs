using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PreferenceUiKit.Core.Events;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Storage;
using PreferenceUiKit.Storage.Model;
using PreferenceUiKit.Storage.Outbox;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the preference store chosen by configuration.</summary>
public static class PreferenceStorageServiceCollectionExtensions
{
    /// <summary>The SQLite connection string used when <c>ConnectionStrings:Preferences</c> is not set.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=./data/preferences.db";

    /// <summary>
    /// Registers <see cref="IPreferenceStore"/> by <c>Storage:Provider</c> (<c>Sqlite</c>, the default;
    /// <c>Postgres</c>; <c>InMemory</c>) and <c>ConnectionStrings:Preferences</c>; for the SQL providers also the
    /// migrations at start, an <see cref="ILinkKeyRing"/> kept in the database (it replaces any ring registered
    /// before) and, unless <c>Storage:DataProtectionKeys</c> is <c>false</c>, ASP.NET Core Data Protection keys in the
    /// database under the application name <c>Storage:DataProtectionApplicationName</c> (default <c>PreferenceUiKit</c>). Always registers the outbox dispatcher (section <c>Outbox</c>) with a log sink, plus the webhook sink
    /// when <c>Outbox:Webhook:Url</c> is set (then <c>Outbox:Webhook:Secret</c> is required).
    /// </summary>
    /// <exception cref="InvalidOperationException">The configuration names an unknown provider, lacks a PostgreSQL
    /// connection string, or sets a webhook URL without a usable secret.</exception>
    public static IServiceCollection AddPreferenceStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = ReadProvider(configuration["Storage:Provider"]);
        services.TryAddSingleton(TimeProvider.System);

        if (provider == PreferenceStorageProvider.InMemory)
        {
            services.Replace(ServiceDescriptor.Singleton<IPreferenceStore>(sp => new InMemoryPreferenceStore(sp.GetRequiredService<TimeProvider>())));
        }
        else
        {
            var connectionString = configuration.GetConnectionString("Preferences");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = provider == PreferenceStorageProvider.Sqlite
                    ? DefaultSqliteConnectionString
                    : throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Preferences is empty; set it to an Npgsql connection string such as 'Host=db;Database=preferences;Username=app;Password=…'.");
            }
            services.AddSingleton(new PreferenceDbContextFactory(provider, connectionString));
            services.AddSingleton<PreferenceStorageInitializer>();
            services.AddHostedService<PreferenceStorageStartup>();
            // Storage:GroupCommit=false commits every preference change alone (the load benchmark's comparison).
            var groupCommit = !string.Equals(configuration["Storage:GroupCommit"], "false", StringComparison.OrdinalIgnoreCase);
            services.Replace(ServiceDescriptor.Singleton<IPreferenceStore>(sp => new EfPreferenceStore(
                sp.GetRequiredService<PreferenceDbContextFactory>(), sp.GetRequiredService<PreferenceStorageInitializer>(), sp.GetRequiredService<TimeProvider>(), groupCommit)));
            services.AddSingleton(sp => new DatabaseLinkKeyRing(
                sp.GetRequiredService<PreferenceDbContextFactory>(), sp.GetRequiredService<PreferenceStorageInitializer>(), sp.GetRequiredService<TimeProvider>()));
            services.Replace(ServiceDescriptor.Singleton<ILinkKeyRing>(sp => sp.GetRequiredService<DatabaseLinkKeyRing>()));

            if (!string.Equals(configuration["Storage:DataProtectionKeys"], "false", StringComparison.OrdinalIgnoreCase))
            {
                // Cookies and antiforgery tokens issued by one host must open on the others: shared keys, one app name.
                services.AddSingleton(sp => new DatabaseXmlRepository(sp.GetRequiredService<PreferenceDbContextFactory>(), sp.GetRequiredService<PreferenceStorageInitializer>()));
                services.AddDataProtection().SetApplicationName(configuration["Storage:DataProtectionApplicationName"] is { Length: > 0 } name ? name : "PreferenceUiKit");
                services.AddOptions<KeyManagementOptions>().Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);
            }
        }

        var outbox = configuration.GetSection("Outbox");
        services.AddOptions<OutboxOptions>().Bind(outbox);
        services.AddHostedService<OutboxDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelEventSink, LogChannelEventSink>());

        var webhook = outbox.GetSection("Webhook");
        if (!string.IsNullOrWhiteSpace(webhook["Url"]))
        {
            if (!Uri.TryCreate(webhook["Url"], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
                throw new InvalidOperationException($"Outbox:Webhook:Url '{webhook["Url"]}' is not an absolute http(s) URL.");
            if ((webhook["Secret"] ?? "").Length < 16)
                throw new InvalidOperationException("Outbox:Webhook:Secret must be set (at least 16 characters) when Outbox:Webhook:Url is set; receivers check the signature with it.");
            services.AddOptions<WebhookOptions>().Bind(webhook);
            services.AddHttpClient(WebhookChannelEventSink.HttpClientName);
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelEventSink, WebhookChannelEventSink>());
        }
        return services;
    }

    private static PreferenceStorageProvider ReadProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return PreferenceStorageProvider.Sqlite;
        return value.Trim().ToLowerInvariant() switch
        {
            "sqlite" => PreferenceStorageProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => PreferenceStorageProvider.Postgres,
            "inmemory" or "memory" => PreferenceStorageProvider.InMemory,
            _ => throw new InvalidOperationException($"Storage:Provider '{value}' is not known; use Sqlite, Postgres or InMemory."),
        };
    }
}
