using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace PreferenceUiKit.Reliability.Tests.Support;

/// <summary>The admin JSON API of one host, through a client that carries the API key.</summary>
public sealed class Admin(HttpClient api)
{
    /// <summary>The client with the key.</summary>
    public HttpClient Http => api;

    /// <summary>Creates a group and returns its id.</summary>
    public async Task<Guid> GroupAsync(string name, string? description = null, bool optIn = false)
    {
        var response = await api.PostAsJsonAsync("/api/admin/groups", new { name, description, optIn });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"group '{name}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Imports <paramref name="count"/> contacts by CSV and returns their ids, in email order.</summary>
    public async Task<List<(Guid Id, string Email)>> ContactsAsync(int count, string prefix = "r")
    {
        var csv = new StringBuilder("email,locale\n");
        string[] locales = ["en", "fr", "es", "hi"];
        for (var i = 0; i < count; i++) csv.Append($"{prefix}{i:D5}@example.com,{locales[i % 4]}\n");
        var import = await api.PostAsync("/api/admin/contacts/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var all = new List<(Guid, string)>();
        for (var skip = 0; ; skip += 200)
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/admin/contacts?search={prefix}&skip={skip}&take=200");
            var items = page.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("id").GetGuid(), e.GetProperty("email").GetString()!)).ToList();
            all.AddRange(items.Where(c => c.Item2.StartsWith(prefix, StringComparison.Ordinal)));
            if (items.Count < 200) break;
        }
        Assert.Equal(count, all.Count);
        return all.OrderBy(c => c.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>Creates a campaign on <paramref name="groupIds"/> with both special links and returns its id.</summary>
    public async Task<Guid> CampaignAsync(string name, IEnumerable<Guid> groupIds, string? html = null)
    {
        html ??= "<p>Hello</p><a href=\"https://shop.example.com/sale\">Sale</a> " +
                 "<a href=\"*|CT_MANAGE_PREFERENCES|*\">Manage preferences</a> <a href=\"*|CT_GROUP_UNSUBSCRIBE|*\">Unsubscribe</a>";
        var response = await api.PostAsJsonAsync("/api/admin/campaigns", new { name, subject = name, groupIds = groupIds.ToArray(), html, sendToOptedOut = false });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"campaign: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Mints a link and returns its path and query (the host answers on another origin than the links name).</summary>
    public async Task<string> LinkAsync(Guid contactId, Guid? campaignId, string kind, bool test = false)
    {
        var response = await api.PostAsJsonAsync("/api/admin/links", new { contactId, campaignId, kind, test });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"link: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return new Uri((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!).PathAndQuery;
    }

    /// <summary>The effective state of a contact: All communication and each group.</summary>
    public async Task<(bool All, Dictionary<Guid, bool> Groups)> PreferencesAsync(Guid contactId)
    {
        var e = await api.GetFromJsonAsync<JsonElement>($"/api/admin/contacts/{contactId}/preferences");
        return (e.GetProperty("allCommunication").GetBoolean(),
            e.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetGuid(), g => g.GetProperty("subscribed").GetBoolean()));
    }

    /// <summary>A ledger row.</summary>
    public sealed record LedgerRow(long Sequence, Guid ChangeId, Guid ContactId, Guid? GroupId, bool Old, bool New, string Source);

    /// <summary>An outbox event.</summary>
    public sealed record EventRow(Guid Id, Guid ContactId, DateTimeOffset? DeliveredAt, int Attempts);

    /// <summary>The ledger, of one contact or of everyone.</summary>
    public async Task<List<LedgerRow>> LedgerAsync(Guid? contactId = null)
    {
        var url = "/api/admin/ledger?take=10000" + (contactId is { } c ? $"&contactId={c}" : "");
        var rows = await api.GetFromJsonAsync<JsonElement>(url);
        return rows.EnumerateArray().Select(r => new LedgerRow(r.GetProperty("sequence").GetInt64(), r.GetProperty("changeId").GetGuid(),
            r.GetProperty("contactId").GetGuid(), r.GetProperty("groupId").ValueKind == JsonValueKind.Null ? null : r.GetProperty("groupId").GetGuid(),
            r.GetProperty("old").GetBoolean(), r.GetProperty("new").GetBoolean(), r.GetProperty("source").GetString()!)).ToList();
    }

    /// <summary>The outbox events, of one contact or of everyone.</summary>
    public async Task<List<EventRow>> EventsAsync(Guid? contactId = null)
    {
        var url = "/api/admin/events?take=10000" + (contactId is { } c ? $"&contactId={c}" : "");
        var rows = await api.GetFromJsonAsync<JsonElement>(url);
        return rows.EnumerateArray().Select(r => new EventRow(r.GetProperty("id").GetGuid(),
            Guid.Parse(r.GetProperty("properties").GetProperty("contactId").ToString()),
            r.GetProperty("deliveredAt").ValueKind == JsonValueKind.Null ? null : r.GetProperty("deliveredAt").GetDateTimeOffset(),
            r.GetProperty("attempts").GetInt32())).ToList();
    }
}
