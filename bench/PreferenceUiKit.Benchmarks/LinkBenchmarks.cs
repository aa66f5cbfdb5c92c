using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.AspNetCore.DataProtection;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;

namespace PreferenceUiKit.Benchmarks;

/// <summary>
/// Signed links: the floor (one reused HMACSHA256 over 48 bytes), ASP.NET Core Data Protection, and ours
/// (<see cref="PreferenceLinkSigner"/>), for signing and for verifying.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LinkBenchmarks
{
    private readonly byte[] _payload = RandomNumberGenerator.GetBytes(48);
    private readonly byte[] _mac = new byte[32];
    private HMACSHA256 _hmac = null!;
    private byte[] _expectedMac = [];
    private IDataProtector _protector = null!;
    private byte[] _protected = [];
    private byte[] _dpPayload = [];
    private PreferenceLinkSigner _signer = null!;
    private string _token = "";
    private readonly Guid _contact = Guid.NewGuid(), _campaign = Guid.NewGuid();

    [GlobalSetup]
    public void Setup()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        _hmac = new HMACSHA256(key);
        _expectedMac = _hmac.ComputeHash(_payload);
        _protector = DataProtectionProvider.Create("PreferenceUiKit.Benchmarks").CreateProtector("links");
        _dpPayload = _payload[..39]; // what our token carries before its MAC: header and campaign id
        _protected = _protector.Protect(_dpPayload);
        _signer = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate(1)));
        _token = _signer.Sign(LinkKind.GroupUnsubscribe, _contact, _campaign);
        if (!OursVerify()) throw new InvalidOperationException("token does not verify");
    }

    [GlobalCleanup]
    public void Cleanup() => _hmac.Dispose();

    [BenchmarkCategory("sign"), Benchmark(Baseline = true, Description = "floor: reused HMACSHA256, 48 bytes")]
    public int FloorSign()
    {
        _hmac.TryComputeHash(_payload, _mac, out var written);
        return written;
    }

    [BenchmarkCategory("sign"), Benchmark(Description = "static HMACSHA256.HashData, 48 bytes")]
    public int StaticHashDataSign() => HMACSHA256.HashData(_payload.AsSpan(0, 16), _payload, _mac);

    [BenchmarkCategory("sign"), Benchmark(Description = "Data Protection Protect")]
    public int DataProtectionProtect() => _protector.Protect(_dpPayload).Length;

    [BenchmarkCategory("sign"), Benchmark(Description = "ours: PreferenceLinkSigner.Sign")]
    public int OursSign() => _signer.Sign(new PreferenceLink(LinkKind.GroupUnsubscribe, _contact, _campaign, false, DateTimeOffset.UnixEpoch.AddYears(57))).Length;

    [BenchmarkCategory("verify"), Benchmark(Baseline = true, Description = "floor: reused HMACSHA256, 48 bytes + compare")]
    public bool FloorVerify()
    {
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(_payload, mac, out _);
        return CryptographicOperations.FixedTimeEquals(mac, _expectedMac);
    }

    [BenchmarkCategory("verify"), Benchmark(Description = "Data Protection Unprotect")]
    public int DataProtectionUnprotect() => _protector.Unprotect(_protected).Length;

    [BenchmarkCategory("verify"), Benchmark(Description = "ours: TryVerifyCore (what the pages use)")]
    public bool OursVerify() => _signer.TryVerifyCore(_token, out _, out _, out _, out _, out _);
}
