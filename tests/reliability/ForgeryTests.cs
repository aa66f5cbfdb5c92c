using System.Diagnostics;
using System.Net;
using System.Text;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// Mutated, truncated, extended, re-signed, other-kind and random tokens against every recipient route and method:
/// none is accepted, none causes a 5xx, nothing changes. Response times of foreign-key tokens naming existing
/// contacts and right-key tokens naming unknown contacts are recorded and reported.
/// </summary>
public sealed class ForgeryTests(ITestOutputHelper output)
{
    private sealed record Route(string Method, string Template, bool EitherKind, LinkKind Kind);

    private static readonly Route[] Routes =
    [
        new("GET", "/email/preferences/{t}", false, LinkKind.ManagePreferences),
        new("HEAD", "/email/preferences/{t}", false, LinkKind.ManagePreferences),
        new("POST", "/email/preferences/{t}", false, LinkKind.ManagePreferences),
        new("GET", "/email/preferences/{t}/saved", false, LinkKind.ManagePreferences),
        new("HEAD", "/email/preferences/{t}/saved", false, LinkKind.ManagePreferences),
        new("GET", "/email/unsubscribe/{t}", false, LinkKind.GroupUnsubscribe),
        new("HEAD", "/email/unsubscribe/{t}", false, LinkKind.GroupUnsubscribe),
        new("POST", "/email/unsubscribe/{t}", false, LinkKind.GroupUnsubscribe),
        new("GET", "/email/unsubscribe/{t}/done", false, LinkKind.GroupUnsubscribe),
        new("HEAD", "/email/unsubscribe/{t}/done", false, LinkKind.GroupUnsubscribe),
        new("POST", "/email/resubscribe/{t}", true, LinkKind.GroupUnsubscribe),
        new("GET", "/email/resubscribe/{t}/done", true, LinkKind.GroupUnsubscribe),
        new("HEAD", "/email/resubscribe/{t}/done", true, LinkKind.GroupUnsubscribe),
        new("GET", "/api/preferences/{t}", true, LinkKind.ManagePreferences),
        new("HEAD", "/api/preferences/{t}", true, LinkKind.ManagePreferences),
        new("PUT", "/api/preferences/{t}", true, LinkKind.ManagePreferences),
    ];

    [Fact]
    public async Task Forged_and_random_tokens_are_never_accepted_never_a_5xx_and_change_nothing()
    {
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, 30, "forge");
        var signer = world.Signer;
        var own = world.KeyRing.SigningKey;
        var foreignSameId = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate(own.Id)));
        var foreignOtherId = new PreferenceLinkSigner(new StaticLinkKeyRing(LinkSigningKey.Generate((byte)(own.Id + 1))));
        var random = new Random(42);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        Guid SomeContact() => world.Contacts[random.Next(world.Contacts.Count)].Id;
        string Valid(LinkKind kind) => signer.Sign(kind, SomeContact(), world.Campaign);
        (string Token, string Class) Forge(Route route)
        {
            switch (random.Next(route.EitherKind ? 6 : 7))
            {
                case 0:
                {
                    var chars = Valid(route.Kind).ToCharArray();
                    // Distinct positions: changing one position twice could give the valid token back.
                    var positions = new HashSet<int>();
                    while (positions.Count < 1 + random.Next(3)) positions.Add(random.Next(chars.Length));
                    foreach (var i in positions)
                    {
                        var c = alphabet[random.Next(alphabet.Length)];
                        chars[i] = c == chars[i] ? alphabet[(alphabet.IndexOf(c) + 1) % alphabet.Length] : c;
                    }
                    return (new string(chars), "mutated");
                }
                case 1:
                {
                    var t = Valid(route.Kind);
                    return (t[..random.Next(1, t.Length)], "truncated");
                }
                case 2: return (Valid(route.Kind) + alphabet[random.Next(alphabet.Length)] + (random.Next(2) == 0 ? "" : "AAAA"), "extended");
                case 3: return (foreignSameId.Sign(route.Kind, SomeContact(), world.Campaign), "foreign key, same id");
                case 4: return (foreignOtherId.Sign(route.Kind, SomeContact(), world.Campaign), "foreign key, other id");
                case 5:
                {
                    var length = random.Next(3) switch { 0 => random.Next(1, 20), 1 => random.Next(40, 80), _ => random.Next(200, 3000) };
                    var sb = new StringBuilder();
                    if (random.Next(4) == 0)
                    {
                        var bytes = new byte[length];
                        random.NextBytes(bytes);
                        return (Uri.EscapeDataString(Encoding.Latin1.GetString(bytes)), "random bytes");
                    }
                    for (var i = 0; i < length; i++) sb.Append(alphabet[random.Next(alphabet.Length)]);
                    return (sb.ToString(), "random");
                }
                default:
                    return (Valid(route.Kind == LinkKind.ManagePreferences ? LinkKind.GroupUnsubscribe : LinkKind.ManagePreferences), "other kind");
            }
        }

        HttpContent? Body(Route route) => route.Method switch
        {
            "POST" when route.Template.Contains("preferences") => Traffic.SaveForm(world.Groups, [false, false, false]),
            "POST" when route.Template.Contains("resubscribe") => new FormUrlEncodedContent([new("intent", "resubscribe")]),
            "POST" => Traffic.OneClick(),
            "PUT" => new StringContent("{\"allCommunication\":false,\"groups\":[]}", Encoding.UTF8, "application/json"),
            _ => null,
        };

        var total = Variant.Pick(2000, 12000);
        var accepted = new List<string>();
        var serverErrors = new List<string>();
        var byClass = new Dictionary<string, int>();
        var client = world.Anonymous();
        var work = Enumerable.Range(0, total).Select(i =>
        {
            var route = Routes[i % Routes.Length];
            var (token, kind) = Forge(route);
            byClass[kind] = byClass.GetValueOrDefault(kind) + 1;
            return (route, token, kind);
        }).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, ct) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(w.route.Method), w.route.Template.Replace("{t}", w.token)) { Content = Body(w.route) };
            using var response = await client.SendAsync(request, ct);
            var line = $"{w.route.Method} {w.route.Template} ({w.kind}) -> {(int)response.StatusCode}";
            if ((int)response.StatusCode < 400) lock (accepted) accepted.Add(line);
            if ((int)response.StatusCode >= 500) lock (serverErrors) serverErrors.Add(line);
        });
        Assert.Empty(serverErrors);
        Assert.Empty(accepted);
        await world.AssertNothingChangedAsync();

        // Timing: a token signed by a foreign key that names an existing contact versus a token signed with the right
        // key that names a contact the store does not have. Reported, not asserted.
        var samples = Variant.Pick(200, 2000);
        var foreign = new List<double>();
        var foreignUnknown = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            // Interleaved, in a rotating order, so that load on the machine falls on all three alike.
            for (var k = 0; k < 3; k++)
            {
                var which = (i + k) % 3;
                var token = which switch
                {
                    0 => foreignSameId.Sign(LinkKind.ManagePreferences, SomeContact(), world.Campaign),
                    1 => foreignSameId.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), world.Campaign),
                    _ => signer.Sign(LinkKind.ManagePreferences, Guid.NewGuid(), world.Campaign),
                };
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync($"/email/preferences/{token}");
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                Assert.Equal(which == 2 ? HttpStatusCode.Gone : HttpStatusCode.NotFound, response.StatusCode);
                (which switch { 0 => foreign, 1 => foreignUnknown, _ => unknown }).Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Variant.Report(output, $"forgery: requests {total} ({string.Join(", ", byClass.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}), " +
            $"routes {Routes.Length}, accepted {accepted.Count}, 5xx {serverErrors.Count}, state changes 0");
        static string P(List<double> v) => $"p50 {Variant.Percentile(v, 50):F2} ms, p99 {Variant.Percentile(v, 99):F2} ms";
        Variant.Report(output, $"timing (n={samples} each): foreign-key token, existing contact (404): {P(foreign)}; foreign-key token, unknown contact (404): {P(foreignUnknown)}; " +
            $"right-key token, unknown (deleted) contact (410): {P(unknown)}");
    }
}
