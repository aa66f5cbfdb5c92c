using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using PreferenceUiKit.Core.Domain;

namespace PreferenceUiKit.Core.Links;

/// <summary>
/// Signs and verifies the opaque tokens in preference and unsubscribe links (rule B4).
/// </summary>
/// <remarks>
/// Layout before Base64url (no padding): version|kind (1 byte), flags (1), key id (1), issued-at in Unix
/// seconds (4, big-endian), contact id (16), campaign id (16, only when flagged), HMAC-SHA256 over all of
/// that (32). 55 bytes / 74 characters without a campaign, 71 bytes / 95 characters with one. No email or other
/// personal data is inside; ids are random. Verification is constant-time and allocation-free, and anything
/// malformed is simply invalid.
/// </remarks>
public sealed class PreferenceLinkSigner
{
    private const byte Version = 1;
    private const byte FlagTest = 1, FlagCampaign = 2;
    private const int HeaderLength = 1 + 1 + 1 + 4 + 16;
    private const int MacLength = 32;
    private const int MaxPayloadLength = HeaderLength + 16 + MacLength;

    /// <summary>Longest token this signer produces.</summary>
    public const int MaxTokenLength = (MaxPayloadLength * 4 + 2) / 3;

    /// <summary>The shortest lifetime a link may be given: mail is read and kept for over a year.</summary>
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromDays(400);

    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly ILinkKeyRing _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates the signer.</summary>
    /// <param name="keys">Signing and verification keys.</param>
    /// <param name="time">Clock.</param>
    /// <param name="lifetime">How long links stay valid; at least <see cref="MinimumLifetime"/> (default two years).</param>
    public PreferenceLinkSigner(ILinkKeyRing keys, TimeProvider? time = null, TimeSpan? lifetime = null)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        _time = time ?? TimeProvider.System;
        Lifetime = lifetime ?? TimeSpan.FromDays(730);
        if (Lifetime < MinimumLifetime)
            throw new ArgumentOutOfRangeException(nameof(lifetime), $"Links must stay valid at least {MinimumLifetime.TotalDays} days.");
    }

    /// <summary>How long a link stays valid after it is signed.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>Signs a link issued now.</summary>
    public string Sign(LinkKind kind, Guid contactId, Guid? campaignId = null, bool isTest = false)
        => Sign(new PreferenceLink(kind, contactId, campaignId, isTest, _time.GetUtcNow()));

    /// <summary>Signs a link with the ring's signing key.</summary>
    public string Sign(PreferenceLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Enum.IsDefined(link.Kind)) throw new ArgumentOutOfRangeException(nameof(link), "Unknown link kind.");
        Span<byte> buffer = stackalloc byte[MaxPayloadLength];
        var key = _keys.SigningKey;
        var hasCampaign = link.CampaignId is not null;
        buffer[0] = (byte)((Version << 4) | (byte)link.Kind);
        buffer[1] = (byte)((link.IsTest ? FlagTest : 0) | (hasCampaign ? FlagCampaign : 0));
        buffer[2] = key.Id;
        BinaryPrimitives.WriteUInt32BigEndian(buffer[3..], (uint)Math.Clamp(link.IssuedAt.ToUnixTimeSeconds(), 0, uint.MaxValue));
        link.ContactId.TryWriteBytes(buffer.Slice(7, 16));
        var length = HeaderLength;
        if (link.CampaignId is { } campaignId)
        {
            campaignId.TryWriteBytes(buffer.Slice(length, 16));
            length += 16;
        }
        key.ComputeMac(buffer[..length], buffer.Slice(length, MacLength));
        return Base64Url.EncodeToString(buffer[..(length + MacLength)]);
    }

    /// <summary>
    /// Whether a token's flags claim a test link, read WITHOUT verifying it. Only for decisions that grant nothing,
    /// such as allowing a same-origin frame of a page that saves nothing; never for authorization.
    /// </summary>
    public static bool ClaimsTestLink(ReadOnlySpan<char> token)
    {
        if (token.Length < 4) return false;
        Span<byte> head = stackalloc byte[3];
        return Base64Url.DecodeFromChars(token[..4], head, out _, out var written, isFinalBlock: true) == OperationStatus.Done
            && written == 3 && (head[1] & FlagTest) != 0;
    }

    /// <summary>Verifies a token; false for anything tampered, truncated, expired, signed by an unknown key or not a token at all.</summary>
    public bool TryVerify(ReadOnlySpan<char> token, out PreferenceLink link)
    {
        link = null!;
        if (!TryVerifyCore(token, out var kind, out var contactId, out var campaignId, out var isTest, out var issuedAt))
            return false;
        link = new PreferenceLink(kind, contactId, campaignId, isTest, issuedAt);
        return true;
    }

    /// <summary>Verifies a token and requires a given kind.</summary>
    public bool TryVerify(ReadOnlySpan<char> token, LinkKind expectedKind, out PreferenceLink link)
        => TryVerify(token, out link) && link.Kind == expectedKind;

    /// <summary>The allocation-free core of verification.</summary>
    public bool TryVerifyCore(ReadOnlySpan<char> token, out LinkKind kind, out Guid contactId, out Guid? campaignId, out bool isTest, out DateTimeOffset issuedAt)
    {
        kind = default; contactId = default; campaignId = null; isTest = false; issuedAt = default;
        if (token.Length is < (HeaderLength + MacLength) * 4 / 3 or > MaxTokenLength) return false;
        if (token.ContainsAnyExcept(Alphabet)) return false;
        Span<byte> buffer = stackalloc byte[MaxPayloadLength];
        // The status-returning decoder: TryDecodeFromChars throws on non-canonical trailing bits.
        if (Base64Url.DecodeFromChars(token, buffer, out _, out var written, isFinalBlock: true) != OperationStatus.Done) return false;
        var payload = buffer[..written];
        if (payload.Length < HeaderLength + MacLength) return false;
        if (payload[0] >> 4 != Version) return false;
        var flags = payload[1];
        if ((flags & ~(FlagTest | FlagCampaign)) != 0) return false;
        var expectedLength = HeaderLength + ((flags & FlagCampaign) != 0 ? 16 : 0) + MacLength;
        if (payload.Length != expectedLength) return false;
        // The strict decoder refuses non-zero unused trailing bits; with the exact length, one spelling per token.
        if (token.Length != Base64Url.GetEncodedLength(payload.Length)) return false;
        if (!_keys.TryGetKey(payload[2], out var key)) return false;

        var signed = payload[..^MacLength];
        Span<byte> mac = stackalloc byte[MacLength];
        key.ComputeMac(signed, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac, payload[^MacLength..])) return false;

        var k = payload[0] & 0x0F;
        if (k is not ((int)LinkKind.ManagePreferences or (int)LinkKind.GroupUnsubscribe)) return false;
        issuedAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadUInt32BigEndian(payload[3..]));
        var now = _time.GetUtcNow();
        if (issuedAt > now + TimeSpan.FromDays(1) || now - issuedAt > Lifetime) return false;
        kind = (LinkKind)k;
        isTest = (flags & FlagTest) != 0;
        contactId = new Guid(payload.Slice(7, 16));
        if ((flags & FlagCampaign) != 0) campaignId = new Guid(payload.Slice(HeaderLength, 16));
        return true;
    }
}
