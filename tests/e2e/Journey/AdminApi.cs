using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PreferenceUiKit.EndToEnd.Tests.Journey;

/// <summary>The admin API of the reference host over HTTP (<c>X-Api-Key</c>), as a designer's tooling would call it.</summary>
public sealed class AdminApi(Uri baseAddress, string apiKey) : IDisposable
{
    private readonly HttpClient _http = CreateClient(baseAddress, apiKey);

    private static HttpClient CreateClient(Uri baseAddress, string apiKey)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseAddress, "api/admin/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }

    /// <summary>Creates a group; returns its id.</summary>
    public async Task<string> CreateGroupAsync(string name, string? description = null, bool optIn = false) =>
        (await SendAsync(HttpMethod.Post, "groups", new { name, description, optIn }))["id"]!.GetValue<string>();

    /// <summary>Every non-archived group.</summary>
    public async Task<JsonArray> GroupsAsync() => (JsonArray)(await SendAsync(HttpMethod.Get, "groups", null));

    /// <summary>Archives a group.</summary>
    public Task ArchiveGroupAsync(string id) => SendAsync(HttpMethod.Put, $"groups/{id}", new { archived = true });

    /// <summary>Creates a contact; returns its id.</summary>
    public async Task<string> CreateContactAsync(string email, string locale = "en") =>
        (await SendAsync(HttpMethod.Post, "contacts", new { email, locale }))["id"]!.GetValue<string>();

    /// <summary>Creates a campaign; returns its id. A linter error fails with the problem document.</summary>
    public async Task<string> CreateCampaignAsync(string name, string subject, IEnumerable<string> groupIds, string html, bool sendToOptedOut = false) =>
        (await SendAsync(HttpMethod.Post, "campaigns", new { name, subject, groupIds = groupIds.ToArray(), html, sendToOptedOut }))["id"]!.GetValue<string>();

    /// <summary>Posts a campaign and returns the raw answer (for refusals).</summary>
    public Task<HttpResponseMessage> PostCampaignAsync(string name, IEnumerable<string> groupIds, string html) =>
        _http.PostAsJsonAsync("campaigns", new { name, subject = name, groupIds = groupIds.ToArray(), html });

    /// <summary>Sends a campaign to everyone it may reach; returns <c>{sent, skipped, failed}</c>.</summary>
    public async Task<JsonNode> SendAsync(string campaignId) => await SendAsync(HttpMethod.Post, $"campaigns/{campaignId}/send", null);

    /// <summary>Sends a test of a campaign to one address.</summary>
    public Task SendTestAsync(string campaignId, string email) => SendAsync(HttpMethod.Post, $"campaigns/{campaignId}/send-test", new { email });

    /// <summary>A contact's effective preferences: <c>{allCommunication, groups:[{id,name,subscribed}]}</c>.</summary>
    public async Task<JsonNode> PreferencesAsync(string contactId) => await SendAsync(HttpMethod.Get, $"contacts/{contactId}/preferences", null);

    /// <summary>A contact's consent ledger rows.</summary>
    public async Task<JsonArray> LedgerAsync(string contactId) => (JsonArray)(await SendAsync(HttpMethod.Get, $"ledger?contactId={contactId}", null));

    /// <summary>A contact's Channel Unsubscribed events.</summary>
    public async Task<JsonArray> EventsAsync(string contactId) => (JsonArray)(await SendAsync(HttpMethod.Get, $"events?contactId={contactId}", null));

    /// <summary>A signed link for a contact and campaign.</summary>
    public async Task<string> LinkAsync(string contactId, string campaignId, string kind, bool test = false) =>
        (await SendAsync(HttpMethod.Post, "links", new { contactId, campaignId, kind, test }))["url"]!.GetValue<string>();

    /// <summary>Every campaign, newest first.</summary>
    public async Task<JsonArray> CampaignsAsync() => (JsonArray)(await SendAsync(HttpMethod.Get, "campaigns", null));

    /// <summary>The id of the campaign with this name.</summary>
    public async Task<string> CampaignIdAsync(string name) =>
        (await CampaignsAsync()).Single(c => c!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>The id of the contact with this email.</summary>
    public async Task<string> ContactIdAsync(string email) =>
        (await SendAsync(HttpMethod.Get, $"contacts?search={Uri.EscapeDataString(email)}", null))["items"]!.AsArray()
            .Single(c => c!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>();

    /// <summary>The id of the group with this name.</summary>
    public async Task<string> GroupIdAsync(string name) =>
        (await GroupsAsync()).Single(g => g!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>Whether a group is on for a contact, per the API.</summary>
    public async Task<bool> IsSubscribedAsync(string contactId, string groupId) =>
        (await PreferencesAsync(contactId))["groups"]!.AsArray().Single(g => g!["id"]!.GetValue<string>() == groupId)!["subscribed"]!.GetValue<bool>();

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{method} /api/admin/{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(string.IsNullOrEmpty(text) ? "{}" : text, documentOptions: new JsonDocumentOptions())!;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
