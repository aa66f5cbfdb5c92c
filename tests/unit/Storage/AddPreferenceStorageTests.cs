using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Storage.Tests;

/// <summary>What a host gets from <c>AddPreferenceStorage(configuration)</c>.</summary>
public sealed class AddPreferenceStorageTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "preferenceuikit-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
        return Task.CompletedTask;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        before?.Invoke(builder.Services);
        builder.Services.AddPreferenceStorage(builder.Configuration);
        return builder.Build();
    }

    private string SqliteFile(string name = "preferences.db") => Path.Combine(_folder, "nested", "data", name);

    [Fact]
    public async Task Sqlite_is_the_default_and_its_file_folder_and_schema_appear_at_start_in_WAL_mode()
    {
        var file = SqliteFile();
        using var host = BuildHost(new() { ["ConnectionStrings:Preferences"] = $"Data Source={file}" });

        await host.StartAsync();
        try
        {
            Assert.IsType<EfPreferenceStore>(host.Services.GetRequiredService<IPreferenceStore>());
            Assert.True(File.Exists(file));
            await using var connection = new SqliteConnection($"Data Source={file}");
            await connection.OpenAsync();
            await using var mode = connection.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
            mode.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('contacts', 'contact_preferences', 'consent_ledger', 'outbox')";
            Assert.Equal(4L, (long)(await mode.ExecuteScalarAsync())!);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public void InMemory_registers_the_in_memory_store()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "InMemory" });

        Assert.IsType<InMemoryPreferenceStore>(host.Services.GetRequiredService<IPreferenceStore>());
    }

    [Theory]
    [InlineData("Storage:Provider", "Oracle", "Sqlite, Postgres or InMemory")]
    [InlineData("Storage:Provider", "Postgres", "ConnectionStrings:Preferences")]
    [InlineData("Outbox:Webhook:Url", "https://hooks.example/preferences", "Outbox:Webhook:Secret")]
    [InlineData("Outbox:Webhook:Url", "not a url", "not an absolute http(s) URL")]
    public void A_configuration_mistake_is_named_at_registration(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BuildHost(new() { [key] = value }));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task Two_hosts_on_one_database_share_link_signing_keys_that_replace_a_default_ring()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Preferences"] = $"Data Source={SqliteFile()}" };
        var fallback = new StaticLinkKeyRing(LinkSigningKey.Generate(9));
        using var hostA = BuildHost(settings, s => s.TryAddSingleton<ILinkKeyRing>(fallback));
        using var hostB = BuildHost(settings);
        var ringA = hostA.Services.GetRequiredService<ILinkKeyRing>();
        var ringB = hostB.Services.GetRequiredService<ILinkKeyRing>();
        Assert.IsType<DatabaseLinkKeyRing>(ringA);

        var contactId = Guid.NewGuid();
        var token = new PreferenceLinkSigner(ringA).Sign(LinkKind.ManagePreferences, contactId);

        Assert.True(new PreferenceLinkSigner(ringB).TryVerify(token, out var link));
        Assert.Equal(contactId, link.ContactId);
        Assert.False(new PreferenceLinkSigner(fallback).TryVerify(token, out _));
        Assert.Equal(ringA.SigningKey.Id, ringB.SigningKey.Id);
    }

    [Fact]
    public void Data_protected_by_one_host_opens_on_another_host_of_the_same_database()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Preferences"] = $"Data Source={SqliteFile()}" };
        using var hostA = BuildHost(settings);
        using var hostB = BuildHost(settings);
        var protectedByA = hostA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("admin-cookie").Protect("signed in");

        Assert.Equal("signed in", hostB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("admin-cookie").Unprotect(protectedByA));

        using var alone = BuildHost(new() { ["ConnectionStrings:Preferences"] = $"Data Source={SqliteFile("other.db")}" });
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            alone.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("admin-cookie").Unprotect(protectedByA));
    }

    [Fact]
    public async Task After_a_rotation_old_links_still_verify_and_other_hosts_pick_up_the_new_key()
    {
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Preferences"] = $"Data Source={SqliteFile()}" };
        using var hostA = BuildHost(settings);
        using var hostB = BuildHost(settings);
        var ringA = hostA.Services.GetRequiredService<DatabaseLinkKeyRing>();
        var ringB = hostB.Services.GetRequiredService<ILinkKeyRing>();
        var oldToken = new PreferenceLinkSigner(ringA).Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid());
        Assert.Equal(1, ringB.SigningKey.Id);

        var newId = await ringA.RotateAsync();
        var newToken = new PreferenceLinkSigner(ringA).Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid());

        Assert.Equal(2, newId);
        Assert.Equal(newId, ringA.SigningKey.Id);
        Assert.True(new PreferenceLinkSigner(ringA).TryVerify(oldToken, out _));
        Assert.True(new PreferenceLinkSigner(ringB).TryVerify(oldToken, out _));
        // Host B loaded its ring before the rotation; a token under an unknown key id makes it reload.
        Assert.True(new PreferenceLinkSigner(ringB).TryVerify(newToken, out _));
    }

    [Fact]
    public async Task The_dispatcher_of_a_running_host_delivers_saved_changes_to_the_configured_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var host = BuildHost(new()
        {
            ["ConnectionStrings:Preferences"] = $"Data Source={SqliteFile()}",
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:Webhook:Url"] = receiver.Url.ToString(),
            ["Outbox:Webhook:Secret"] = "0123456789abcdef0123",
        });
        await host.StartAsync();
        try
        {
            var store = host.Services.GetRequiredService<IPreferenceStore>();
            var contact = new Contact { Id = Guid.NewGuid(), Email = "ana@example.com" };
            await store.AddContactAsync(contact);
            var link = new PreferenceLink(LinkKind.GroupUnsubscribe, contact.Id, null, false, DateTimeOffset.UtcNow);
            var saved = await new PreferenceRules(store).ConfirmGroupUnsubscribeAsync(link, "hi", ChangeSource.OneClick);

            await receiver.WaitForSuccessesAsync(1);

            Assert.Equal(saved.EventId.ToString(), Assert.Single(receiver.Calls).EventId);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
