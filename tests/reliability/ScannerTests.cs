using System.Net;
using System.Text.RegularExpressions;
using PreferenceUiKit.Reliability.Tests.Support;
using PreferenceUiKit.Storage;
using Xunit.Abstractions;

namespace PreferenceUiKit.Reliability.Tests;

/// <summary>
/// Mail scanners fetch every link of every message (B2): each link of a few hundred sent messages, and the pages
/// those links lead to, fetched with GET and HEAD, with and without scanner user agents, following redirects.
/// Nobody is unsubscribed, no event is raised.
/// </summary>
public sealed partial class ScannerTests(ITestOutputHelper output)
{
    private static readonly string?[] Agents =
    [
        null,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 (Microsoft Defender for Office 365 Safe Links)",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
        "Mozilla/5.0 (compatible; Proofpoint URL Defense)",
        "Mimecast-URL-Protect/1.0 (+https://www.mimecast.com)",
        "Barracuda Sentinel (EE)",
        "python-requests/2.31.0",
    ];

    [GeneratedRegex("href=\"(https://mail\\.example\\.com/[^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<(https://[^>]+)>")]
    private static partial Regex HeaderUrl();

    [Fact]
    public async Task Scanners_fetching_every_link_change_nothing()
    {
        var count = Variant.Pick(200, 1000);
        await using var world = await InProcess.StartAsync(PreferenceStorageProvider.Sqlite, count, "scan");
        var send = await world.Admin.Http.PostAsync($"/api/admin/campaigns/{world.Campaign}/send", null);
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var messages = world.Host.Messages();
        Assert.Equal(count, messages.Count);

        var paths = new HashSet<string>();
        foreach (var m in messages)
        {
            foreach (Match h in Href().Matches(m.HtmlBody ?? "")) paths.Add(new Uri(WebUtility.HtmlDecode(h.Groups[1].Value)).PathAndQuery);
            foreach (Match h in HeaderUrl().Matches(m.Headers["List-Unsubscribe"] ?? "")) paths.Add(new Uri(h.Groups[1].Value).PathAndQuery);
        }
        // Scanners also try the pages a link leads to.
        foreach (var p in paths.ToList())
        {
            if (p.Contains("/preferences/")) paths.Add(p + "/saved");
            if (p.Contains("/unsubscribe/"))
            {
                paths.Add(p + "/done");
                paths.Add(p.Replace("/unsubscribe/", "/resubscribe/") + "/done");
                paths.Add("/api/preferences/" + p[(p.LastIndexOf('/') + 1)..]);
            }
        }
        Assert.True(paths.Count >= count * 2, $"only {paths.Count} links in {count} messages");

        var followingRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, UseCookies = true }) { BaseAddress = world.Host.Address };
        var requests = 0;
        var statuses = new Dictionary<int, int>();
        var work = paths.SelectMany((p, i) => new[] { ("GET", p, Agents[i % Agents.Length]), ("HEAD", p, Agents[(i + 3) % Agents.Length]), ("GET", p, (string?)null) }).ToList();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, ct) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(w.Item1), w.Item2);
            if (w.Item3 is { } agent) request.Headers.TryAddWithoutValidation("User-Agent", agent);
            using var response = await followingRedirects.SendAsync(request, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            lock (statuses)
            {
                requests++;
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }
        });
        Assert.All(statuses.Keys, s => Assert.True(s == 200, $"a scanner got {s}: {string.Join(", ", statuses.Select(k => $"{k.Key}x{k.Value}"))}"));
        await world.AssertNothingChangedAsync();
        Variant.Report(output, $"scanners: messages {count}, distinct URLs {paths.Count}, requests {requests} (GET and HEAD, {Agents.Length} user agents), " +
            $"answers {string.Join(", ", statuses.Select(k => $"{k.Key}x{k.Value}"))}, preference changes 0, events 0");
    }
}
