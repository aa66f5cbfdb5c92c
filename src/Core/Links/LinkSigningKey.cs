namespace PreferenceUiKit.Core.Links;

/// <summary>A secret that signs links, known by a one-byte id carried in every token.</summary>
public sealed class LinkSigningKey
{
    /// <summary>Shortest accepted secret (256 bits, the HMAC-SHA256 block-size recommendation's lower bound).</summary>
    public const int MinSecretBytes = 32;

    /// <summary>Creates a key.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinSecretBytes"/>.</exception>
    public LinkSigningKey(byte id, ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinSecretBytes)
            throw new ArgumentException($"A link-signing secret needs at least {MinSecretBytes} bytes.", nameof(secret));
        Id = id;
        Secret = secret.ToArray();
    }

    /// <summary>The id written into tokens.</summary>
    public byte Id { get; }
    /// <summary>The HMAC key.</summary>
    internal byte[] Secret { get; }

    /// <summary>A new random key.</summary>
    public static LinkSigningKey Generate(byte id) => new(id, System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads a key from Base64 text, as kept in configuration or a database.</summary>
    public static LinkSigningKey FromBase64(byte id, string secret) => new(id, Convert.FromBase64String(secret));

    /// <summary>The secret as Base64 text, for storage.</summary>
    public string SecretToBase64() => Convert.ToBase64String(Secret);

    // One keyed HMAC per thread, reused while the thread keeps using the same key: keying an HMAC (two hashed key
    // blocks and a native context) costs about twice the MAC of a short token, and the one-shot HashData pays it
    // on every call. The instance never leaves its thread, so no locking is needed.
    [ThreadStatic] private static LinkSigningKey? t_macKey;
    [ThreadStatic] private static System.Security.Cryptography.IncrementalHash? t_mac;

    /// <summary>Writes HMAC-SHA256(secret, data) into <paramref name="mac"/> (32 bytes) without allocating.</summary>
    internal void ComputeMac(ReadOnlySpan<byte> data, Span<byte> mac)
    {
        var hmac = t_mac;
        if (hmac is null || !ReferenceEquals(t_macKey, this))
        {
            hmac?.Dispose();
            t_mac = hmac = System.Security.Cryptography.IncrementalHash.CreateHMAC(System.Security.Cryptography.HashAlgorithmName.SHA256, Secret);
            t_macKey = this;
        }
        hmac.AppendData(data);
        hmac.GetHashAndReset(mac);
    }
}

/// <summary>
/// The keys links are signed and verified with. One key signs; every key verifies, so links signed before a
/// rotation stay valid (rule B4). Hosts that run several instances share the ring (configuration or database).
/// </summary>
public interface ILinkKeyRing
{
    /// <summary>The key that signs new links.</summary>
    LinkSigningKey SigningKey { get; }
    /// <summary>Finds a key by the id a token carries.</summary>
    bool TryGetKey(byte id, out LinkSigningKey key);
}

/// <summary>A fixed set of keys: the last one signs, all verify.</summary>
public sealed class StaticLinkKeyRing : ILinkKeyRing
{
    private readonly LinkSigningKey?[] _byId = new LinkSigningKey?[256];

    /// <summary>Creates the ring.</summary>
    /// <param name="signingKey">The key that signs new links.</param>
    /// <param name="olderKeys">Retired keys that still verify.</param>
    public StaticLinkKeyRing(LinkSigningKey signingKey, params IEnumerable<LinkSigningKey> olderKeys)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        SigningKey = signingKey;
        foreach (var key in olderKeys.Append(signingKey))
        {
            if (_byId[key.Id] is { } existing && !ReferenceEquals(existing, key))
                throw new ArgumentException($"Two keys share the id {key.Id}.", nameof(olderKeys));
            _byId[key.Id] = key;
        }
    }

    /// <inheritdoc />
    public LinkSigningKey SigningKey { get; }

    /// <inheritdoc />
    public bool TryGetKey(byte id, out LinkSigningKey key)
    {
        key = _byId[id]!;
        return key is not null;
    }
}
