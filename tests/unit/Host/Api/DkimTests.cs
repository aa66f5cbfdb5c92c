using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using PreferenceUiKit.Storage;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Host.Tests.Api;

public class DkimTests
{
    private sealed class KeyLocator(AsymmetricKeyParameter key) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) => key;
        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) => Task.FromResult(key);
    }

    [Fact]
    public async Task A_DKIM_signed_message_verifies_and_its_signature_covers_both_List_Unsubscribe_headers()
    {
        using var rsa = RSA.Create(2048);
        var keyFile = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyFile, rsa.ExportRSAPrivateKeyPem());
        var publicKey = (AsymmetricKeyParameter)new PemReader(new StringReader(rsa.ExportSubjectPublicKeyInfoPem())).ReadObject();
        try
        {
            await using var host = await HostFactory.StartAsync(PreferenceStorageProvider.Sqlite, new Dictionary<string, string?>
            {
                ["Mail:Dkim:PrivateKeyPath"] = keyFile, ["Mail:Dkim:Domain"] = "mail.example.com", ["Mail:Dkim:Selector"] = "s1",
            });
            var api = host.Api();
            await api.PostAsJsonAsync("/api/admin/contacts", new { email = "ana@example.com" });
            var created = await api.PostAsJsonAsync("/api/admin/campaigns", new { name = "Signed", html = "<a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">Unsubscribe</a>" });
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await api.PostAsync($"/api/admin/campaigns/{id}/send", null);

            var message = Assert.Single(host.Messages());
            var signature = message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)];
            var verifier = new DkimVerifier(new KeyLocator(publicKey));
            Assert.True(await verifier.VerifyAsync(message, signature));
            var signedHeaders = System.Text.RegularExpressions.Regex.Match(signature.Value.Replace("\r\n", "").Replace(" ", ""), "h=([^;]+)").Groups[1].Value.ToLowerInvariant().Split(':');
            Assert.Contains("list-unsubscribe", signedHeaders);
            Assert.Contains("list-unsubscribe-post", signedHeaders);

            // Tampering with the one-click header breaks the signature.
            message.Headers[HeaderId.ListUnsubscribePost] = "List-Unsubscribe=Two-Clicks";
            Assert.False(await verifier.VerifyAsync(message, message.Headers[message.Headers.IndexOf(HeaderId.DkimSignature)]));
        }
        finally
        {
            File.Delete(keyFile);
        }
    }
}
