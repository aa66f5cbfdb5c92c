using Microsoft.Extensions.Time.Testing;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;

namespace PreferenceUiKit.Core.Tests.Links;

public class PreferenceLinkSignerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private static readonly LinkSigningKey Key1 = new(1, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly LinkSigningKey Key2 = new(2, Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());

    private PreferenceLinkSigner Signer(LinkSigningKey signing, params LinkSigningKey[] older) => new(new StaticLinkKeyRing(signing, older), _time);

    [Theory]
    [InlineData(LinkKind.ManagePreferences, true, false)]
    [InlineData(LinkKind.GroupUnsubscribe, true, true)]
    [InlineData(LinkKind.GroupUnsubscribe, false, false)]
    public void B4_round_trip_keeps_every_claim(LinkKind kind, bool withCampaign, bool test)
    {
        var signer = Signer(Key1);
        var contact = Guid.NewGuid();
        Guid? campaign = withCampaign ? Guid.NewGuid() : null;

        var token = signer.Sign(kind, contact, campaign, test);

        Assert.True(signer.TryVerify(token, out var link));
        Assert.Equal(new PreferenceLink(kind, contact, campaign, test, _time.GetUtcNow()), link);
        Assert.InRange(token.Length, 1, 100);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void B4_every_single_character_change_is_invalid()
    {
        var signer = Signer(Key1);
        var token = signer.Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid(), Guid.NewGuid());
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/.";

        for (var i = 0; i < token.Length; i++)
            foreach (var c in alphabet)
            {
                if (c == token[i]) continue;
                var mutated = string.Concat(token.AsSpan(0, i), c.ToString(), token.AsSpan(i + 1));
                Assert.False(signer.TryVerify(mutated, out _), $"accepted a change at {i} to '{c}'");
            }
    }

    [Fact]
    public void B4_truncated_extended_and_garbage_tokens_are_invalid_without_exceptions()
    {
        var signer = Signer(Key1);
        var token = signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), Guid.NewGuid());

        for (var n = 0; n < token.Length; n++)
            Assert.False(signer.TryVerify(token.AsSpan(0, n), out _));
        Assert.False(signer.TryVerify(token + "A", out _));
        Assert.False(signer.TryVerify(token + token, out _));
        foreach (var garbage in new[] { "", " ", "null", "%00", new string('A', 95), new string('\u0000', 74), "ünïcødé-ünïcødé-ünïcødé-ünïcødé-ünïcødé-ünïcødé-ünïcødé-ünïcødé-ünïcødé", new string('x', 100_000) })
            Assert.False(signer.TryVerify(garbage, out _));
        var random = new Random(42);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            Assert.False(signer.TryVerify(System.Buffers.Text.Base64Url.EncodeToString(bytes), out _));
        }
    }

    [Fact]
    public void B4_a_token_signed_by_another_key_is_invalid()
    {
        var token = Signer(Key2).Sign(LinkKind.ManagePreferences, Guid.NewGuid());
        Assert.False(Signer(Key1).TryVerify(token, out _));
        // Same key id, different secret: a forged ring.
        var impostor = new LinkSigningKey(1, Key2SecretCopy());
        Assert.False(Signer(Key1).TryVerify(Signer(impostor).Sign(LinkKind.ManagePreferences, Guid.NewGuid()), out _));
    }

    private static byte[] Key2SecretCopy() => Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void B4_rotation_keeps_old_links_valid_and_signs_with_the_new_key()
    {
        var before = Signer(Key1);
        var oldToken = before.Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid());

        var after = Signer(Key2, Key1);
        var newToken = after.Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid());

        Assert.True(after.TryVerify(oldToken, out _));
        Assert.True(after.TryVerify(newToken, out _));
        Assert.False(before.TryVerify(newToken, out _));
    }

    [Fact]
    public void B4_another_kind_is_refused_where_a_kind_is_expected()
    {
        var signer = Signer(Key1);
        var token = signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid());

        Assert.True(signer.TryVerify(token, LinkKind.ManagePreferences, out _));
        Assert.False(signer.TryVerify(token, LinkKind.GroupUnsubscribe, out _));
    }

    [Fact]
    public void B4_test_flag_is_inside_the_signature()
    {
        var signer = Signer(Key1);
        var real = signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), null, isTest: false);
        Assert.True(signer.TryVerify(real, out var link));
        Assert.False(link.IsTest);
        // Flipping the flag bit (second byte) breaks the MAC.
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(real);
        bytes[1] |= 1;
        Assert.False(signer.TryVerify(System.Buffers.Text.Base64Url.EncodeToString(bytes), out _));
    }

    [Fact]
    public void The_unverified_test_claim_is_read_from_the_flags_and_garbage_claims_nothing()
    {
        var signer = Signer(Key1);
        Assert.True(PreferenceLinkSigner.ClaimsTestLink(signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), null, isTest: true)));
        Assert.False(PreferenceLinkSigner.ClaimsTestLink(signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), null, isTest: false)));
        foreach (var garbage in new[] { "", "A", "AAA", "****", "%00%00" })
            Assert.False(PreferenceLinkSigner.ClaimsTestLink(garbage));
    }

    [Fact]
    public void B4_links_stay_valid_at_least_400_days_and_expire_after_their_lifetime()
    {
        var signer = Signer(Key1);
        var token = signer.Sign(LinkKind.GroupUnsubscribe, Guid.NewGuid());

        _time.Advance(TimeSpan.FromDays(400));
        Assert.True(signer.TryVerify(token, out _));
        _time.Advance(signer.Lifetime - TimeSpan.FromDays(400) + TimeSpan.FromSeconds(1));
        Assert.False(signer.TryVerify(token, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreferenceLinkSigner(new StaticLinkKeyRing(Key1), _time, TimeSpan.FromDays(30)));
    }

    [Fact]
    public void B4_no_email_address_or_contact_data_appears_in_a_token()
    {
        var signer = Signer(Key1);
        var contact = new Contact { Id = Guid.NewGuid(), Email = "jane.doe@example.com" };
        var token = signer.Sign(LinkKind.ManagePreferences, contact.Id, Guid.NewGuid());
        var decoded = System.Buffers.Text.Base64Url.DecodeFromChars(token);

        Assert.DoesNotContain("example", token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jane", token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jane", System.Text.Encoding.Latin1.GetString(decoded), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(contact.Id.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Keys_shorter_than_256_bits_or_with_clashing_ids_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new LinkSigningKey(3, new byte[16]));
        Assert.Throws<ArgumentException>(() => new StaticLinkKeyRing(Key1, new LinkSigningKey(1, new byte[32])));
    }
}
