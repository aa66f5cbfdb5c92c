using Microsoft.EntityFrameworkCore;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Storage.Model;

namespace PreferenceUiKit.Storage;

/// <summary>
/// Link-signing keys kept in the database (table <c>link_signing_keys</c>), so every host on one database signs and
/// verifies the same links. The first use generates a key when none exists; the newest key signs and every key
/// verifies, so <see cref="RotateAsync"/> never breaks links already sent (rule B4). A token naming a key this
/// process has not seen makes it reload the keys (at most once per key id and <see cref="ReloadInterval"/>, so forged
/// ids cannot flood the database), and the ring refreshes itself every <see cref="RefreshInterval"/> so that every
/// host soon signs with the newest key.
/// </summary>
public sealed class DatabaseLinkKeyRing(PreferenceDbContextFactory factory, PreferenceStorageInitializer initializer, TimeProvider? time = null) : ILinkKeyRing
{
    /// <summary>Shortest time between two reloads triggered by the same unknown key id.</summary>
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(30);
    /// <summary>Age after which the ring is read again, to pick up keys rotated by other hosts.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset?[] _missingCheckedAt = new DateTimeOffset?[256];
    private StaticLinkKeyRing? _ring;
    private long _loadedAtTicks; // UTC ticks; a long so that lock-free reads never tear

    /// <inheritdoc />
    public LinkSigningKey SigningKey => Ring().SigningKey;

    /// <inheritdoc />
    public bool TryGetKey(byte id, out LinkSigningKey key)
    {
        if (Ring().TryGetKey(id, out key)) return true;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_missingCheckedAt[id] is { } checkedAt && now - checkedAt < ReloadInterval) return false;
            _missingCheckedAt[id] = now;
            _ring = null;
        }
        return Ring().TryGetKey(id, out key);
    }

    /// <summary>Adds a new signing key (the next id); older keys keep verifying. Returns the new key's id.</summary>
    public async Task<byte> RotateAsync(CancellationToken ct = default)
    {
        await initializer.EnsureInitializedAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = factory.CreateDbContext();
            var ids = await db.Set<LinkKeyRow>().Select(k => k.Id).ToListAsync(ct);
            var next = ids.Count == 0 ? 1 : ids.Max() + 1;
            if (next > byte.MaxValue)
                throw new InvalidOperationException("All 255 link-signing key ids are used; remove retired keys first.");
            db.Add(NewRow(next));
            try
            {
                await db.SaveChangesAsync(ct);
                lock (_gate) _ring = null;
                return (byte)next;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another host rotated at the same moment; take the next id.
            }
        }
    }

    private StaticLinkKeyRing Ring()
    {
        var ring = _ring;
        if (ring is not null && !IsStale()) return ring;
        lock (_gate)
        {
            if (_ring is null || IsStale())
                _ring = Load();
            return _ring;
        }
    }

    private bool IsStale() => _time.GetUtcNow().UtcTicks - Volatile.Read(ref _loadedAtTicks) >= RefreshInterval.Ticks;

    private StaticLinkKeyRing Load()
    {
        // ILinkKeyRing is synchronous; this runs once per process (and on reloads), never per request.
        initializer.EnsureInitializedAsync().GetAwaiter().GetResult();
        for (var attempt = 0; ; attempt++)
        {
            using var db = factory.CreateDbContext();
            var rows = db.Set<LinkKeyRow>().OrderBy(k => k.Id).ToList();
            if (rows.Count > 0)
            {
                Volatile.Write(ref _loadedAtTicks, _time.GetUtcNow().UtcTicks);
                var keys = rows.Select(r => LinkSigningKey.FromBase64((byte)r.Id, r.Secret)).ToList();
                return new StaticLinkKeyRing(keys[^1], keys.Take(keys.Count - 1));
            }
            db.Add(NewRow(1));
            try
            {
                db.SaveChanges();
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another host created the first key at the same moment: read theirs.
            }
        }
    }

    private LinkKeyRow NewRow(int id) => new()
    {
        Id = id,
        Secret = LinkSigningKey.Generate((byte)id).SecretToBase64(),
        CreatedAt = _time.GetUtcNow(),
    };
}
