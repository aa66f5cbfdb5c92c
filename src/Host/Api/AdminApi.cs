using System.Text.Json.Serialization;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Linting;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Host.Admin;
using PreferenceUiKit.Host.Contacts;
using PreferenceUiKit.Host.Sending;

namespace PreferenceUiKit.Host.Api;

/// <summary>Request and answer shapes of the admin API (see docs/api.md).</summary>
public static class AdminApiModels
{
#pragma warning disable CS1591 // shapes documented in docs/api.md
    public sealed record SettingsBody(string? PreferenceCenter, string? CustomUrl);
    public sealed record SettingsAnswer(string PreferenceCenter, string? CustomUrl);
    public sealed record GroupBody(string? Name, string? Description, bool? OptIn, int? Order, bool? Archived);
    public sealed record GroupAnswer(Guid Id, string Name, string Description, int Order, bool Archived, bool OptIn);
    public sealed record IdAnswer(Guid Id);
    public sealed record ContactBody(string? Email, string? Locale);
    public sealed record ContactAnswer(Guid Id, string Email, string? Locale);
    public sealed record ContactPageAnswer(IReadOnlyList<ContactAnswer> Items, int Total);
    public sealed record CampaignBody(string? Name, string? Subject, List<Guid>? GroupIds, string? Html, bool? SendToOptedOut);
    public sealed record CampaignAnswer(Guid Id, string Name, string Subject, IReadOnlyList<Guid> GroupIds, string Html, bool SendToOptedOut);
    public sealed record CampaignCreated(Guid Id, IReadOnlyList<LintFinding> Findings);
    public sealed record SendTestBody(string? Email);
    public sealed record LinkBody(Guid? ContactId, Guid? CampaignId, string? Kind, bool? Test);
    public sealed record LinkAnswer(string Url);
    public sealed record LintBody(string? Html);
    public sealed record GroupPreference(Guid Id, string Name, bool Subscribed);
    public sealed record PreferencesAnswer(bool AllCommunication, IReadOnlyList<GroupPreference> Groups);
    public sealed record EventAnswer(Guid Id, string Name, IReadOnlyDictionary<string, object?> Properties, DateTimeOffset Time, DateTimeOffset? DeliveredAt, int Attempts);
    public sealed record LedgerAnswer(long Sequence, Guid ChangeId, Guid ContactId, Guid? GroupId, string Subject, bool Old, bool New, string Source, Guid? CampaignId, DateTimeOffset Time, string? Locale);
#pragma warning restore CS1591
}

/// <summary>The admin JSON API under <c>/api/admin</c>, authorized by <c>X-Api-Key</c>.</summary>
public static class AdminApi
{
    /// <summary>Maps every admin endpoint.</summary>
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin").RequireAuthorization(AdminOptions.ApiPolicy).WithTags("Admin").DisableAntiforgery();
        api.AddEndpointFilter(async (context, next) =>
        {
            try { return await next(context); }
            catch (PreferenceValidationException ex) { return ApiProblems.From(ex); }
            catch (CampaignRefusedException ex) { return ApiProblems.From(ex); }
        });

        api.MapGet("/settings", async (IPreferenceStore store, CancellationToken ct) => ToAnswer(await store.GetSettingsAsync(ct)));
        api.MapPut("/settings", async (AdminApiModels.SettingsBody body, IPreferenceStore store, CancellationToken ct) =>
        {
            if (!Enum.TryParse<PreferenceCenterMode>(body.PreferenceCenter, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(body.PreferenceCenter, out _))
                return ApiProblems.Field("preferenceCenter", "preferenceCenter must be None, System or CustomUrl.");
            var settings = ProviderSettings.Create(mode, body.CustomUrl);
            await store.SaveSettingsAsync(settings, ct);
            return Results.Ok(ToAnswer(settings));
        });

        api.MapGet("/groups", async (bool? includeArchived, IPreferenceStore store, CancellationToken ct) =>
            (await store.ListGroupsAsync(includeArchived ?? false, ct)).Select(ToAnswer));
        api.MapPost("/groups", async (AdminApiModels.GroupBody body, IPreferenceStore store, CancellationToken ct) =>
        {
            var (name, description) = SubscriptionGroup.ValidateText(body.Name, body.Description);
            var existing = await store.ListGroupsAsync(true, ct);
            var group = new SubscriptionGroup
            {
                Id = Guid.CreateVersion7(), Name = name, Description = description, OptIn = body.OptIn ?? false,
                Order = body.Order ?? (existing.Count == 0 ? 0 : existing.Max(g => g.Order) + 1),
            };
            await store.AddGroupAsync(group, ct);
            return Results.Created($"/api/admin/groups/{group.Id}", new AdminApiModels.IdAnswer(group.Id));
        });
        api.MapPut("/groups/{id:guid}", async (Guid id, AdminApiModels.GroupBody body, IPreferenceStore store, CancellationToken ct) =>
        {
            var group = await store.GetGroupAsync(id, ct)
                ?? throw new PreferenceValidationException("id", ErrorCodes.GroupNotFound, $"Subscription group {id} does not exist.", [id.ToString()]);
            var (name, description) = SubscriptionGroup.ValidateText(body.Name ?? group.Name, body.Description ?? group.Description);
            var updated = group with { Name = name, Description = description, Order = body.Order ?? group.Order, Archived = body.Archived ?? group.Archived, OptIn = body.OptIn ?? group.OptIn };
            await store.UpdateGroupAsync(updated, ct);
            return Results.Ok(ToAnswer(updated));
        });

        api.MapGet("/contacts", async (string? search, int? skip, int? take, IPreferenceStore store, CancellationToken ct) =>
        {
            var page = await store.ListContactsAsync(search, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), ct);
            return new AdminApiModels.ContactPageAnswer(page.Items.Select(c => new AdminApiModels.ContactAnswer(c.Id, c.Email, c.Locale)).ToList(), page.Total);
        });
        api.MapPost("/contacts", async (AdminApiModels.ContactBody body, IPreferenceStore store, CancellationToken ct) =>
        {
            var contact = new Contact { Id = Guid.CreateVersion7(), Email = Contact.NormalizeEmail(body.Email), Locale = Contact.NormalizeLocale(body.Locale) };
            await store.AddContactAsync(contact, ct);
            return Results.Created($"/api/admin/contacts/{contact.Id}", new AdminApiModels.IdAnswer(contact.Id));
        });
        api.MapPost("/contacts/import", async (HttpRequest request, CsvContactImport import, CancellationToken ct) =>
        {
            var type = request.ContentType ?? "";
            if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the file as text/csv with a header row email,locale.");
            var result = await import.ImportAsync(request.Body, null, ct);
            return Results.Ok(new { imported = result.Imported, duplicates = result.Duplicates, rejectedCount = result.RejectedCount, rejected = result.Rejected });
        });
        api.MapGet("/contacts/{id:guid}/preferences", async (Guid id, IPreferenceStore store, CancellationToken ct) =>
        {
            _ = await store.GetContactAsync(id, ct)
                ?? throw new PreferenceValidationException("id", ErrorCodes.ContactNotFound, $"Contact {id} does not exist.", [id.ToString()]);
            var prefs = await store.GetPreferencesAsync(id, ct) ?? ContactPreferences.NewFor(id);
            var groups = await store.ListGroupsAsync(false, ct);
            return new AdminApiModels.PreferencesAnswer(prefs.AllCommunication,
                groups.Select(g => new AdminApiModels.GroupPreference(g.Id, g.Name, prefs.EffectiveGroupState(g))).ToList());
        });

        api.MapGet("/campaigns", async (IPreferenceStore store, CancellationToken ct) => (await store.ListCampaignsAsync(ct)).Select(ToAnswer));
        api.MapGet("/campaigns/{id:guid}", async (Guid id, IPreferenceStore store, CancellationToken ct) =>
            await store.GetCampaignAsync(id, ct) is { } c ? Results.Ok(ToAnswer(c)) : Results.Problem(statusCode: 404, title: "Not found", detail: $"Campaign {id} does not exist."));
        api.MapPost("/campaigns", async (AdminApiModels.CampaignBody body, IPreferenceStore store, CampaignSender sender, CancellationToken ct) =>
        {
            var campaign = await ValidateCampaignAsync(Guid.CreateVersion7(), body, null, store, ct);
            var report = await LintOrRefuseAsync(sender, campaign.Html, ct);
            await store.AddCampaignAsync(campaign, ct);
            return Results.Created($"/api/admin/campaigns/{campaign.Id}", new AdminApiModels.CampaignCreated(campaign.Id, report.Findings));
        });
        api.MapPut("/campaigns/{id:guid}", async (Guid id, AdminApiModels.CampaignBody body, IPreferenceStore store, CampaignSender sender, CancellationToken ct) =>
        {
            var existing = await store.GetCampaignAsync(id, ct)
                ?? throw new PreferenceValidationException("id", ErrorCodes.CampaignNotFound, $"Campaign {id} does not exist.", [id.ToString()]);
            var campaign = await ValidateCampaignAsync(id, body, existing, store, ct);
            var report = await LintOrRefuseAsync(sender, campaign.Html, ct);
            await store.UpdateCampaignAsync(campaign, ct);
            return Results.Ok(ToAnswer(campaign));
        });
        api.MapPost("/campaigns/{id:guid}/send-test", async (Guid id, AdminApiModels.SendTestBody body, CampaignSender sender, CancellationToken ct) =>
        {
            await sender.SendTestAsync(id, body.Email ?? "", ct);
            return Results.Ok(new { sent = 1 });
        });
        api.MapPost("/campaigns/{id:guid}/send", async (Guid id, CampaignSender sender, CancellationToken ct) =>
        {
            var summary = await sender.SendAsync(id, null, ct);
            return Results.Ok(new { sent = summary.Sent, skipped = summary.Skipped, failed = summary.Failed });
        });
        api.MapPost("/lint", async (AdminApiModels.LintBody body, CampaignSender sender, CancellationToken ct) =>
            await sender.LintAsync(body.Html ?? "", ct));

        api.MapPost("/links", async (AdminApiModels.LinkBody body, IPreferenceStore store, PreferenceLinkBuilder links, CancellationToken ct) =>
        {
            if (!Enum.TryParse<LinkKind>(body.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(body.Kind, out _))
                return ApiProblems.Field("kind", "kind must be ManagePreferences or GroupUnsubscribe.");
            if (body.ContactId is not { } contactId || await store.GetContactAsync(contactId, ct) is null)
                return ApiProblems.Field("contactId", "contactId must name an existing contact.");
            if (body.CampaignId is { } campaignId && await store.GetCampaignAsync(campaignId, ct) is null)
                return ApiProblems.Field("campaignId", "campaignId must name an existing campaign.");
            var settings = await store.GetSettingsAsync(ct);
            // Under mode None there is no page to link to; the admin still gets the hosted page, which always works.
            var effective = settings.Mode == PreferenceCenterMode.None ? ProviderSettings.Default : settings;
            var url = links.BuildUrl(effective, kind, contactId, body.CampaignId, body.Test ?? false)!;
            return Results.Ok(new AdminApiModels.LinkAnswer(url));
        });

        api.MapGet("/events", async (Guid? contactId, int? take, IPreferenceStore store, CancellationToken ct) =>
            (await store.ListEventsAsync(contactId, Math.Clamp(take ?? 1000, 1, 10_000), ct)).Select(m =>
                new AdminApiModels.EventAnswer(m.Event.Id, Core.Events.ChannelUnsubscribedEvent.EventName, m.Event.ToProperties(), m.Event.Time, m.DeliveredAt, m.Attempts)));
        api.MapGet("/ledger", async (Guid? contactId, int? take, IPreferenceStore store, CancellationToken ct) =>
            (await store.ListLedgerAsync(contactId, Math.Clamp(take ?? 1000, 1, 10_000), ct)).Select(r =>
                new AdminApiModels.LedgerAnswer(r.Sequence, r.ChangeId, r.ContactId, r.GroupId, r.GroupId is null ? "allCommunication" : "group",
                    r.OldValue, r.NewValue, r.Source.ToString(), r.CampaignId, r.Time, r.Locale)));
        return api;
    }

    /// <summary>The linter's report; throws <see cref="CampaignRefusedException"/> when it has errors (B7, S9, S1).</summary>
    private static async Task<LintReport> LintOrRefuseAsync(CampaignSender sender, string html, CancellationToken ct)
    {
        var report = await sender.LintAsync(html, ct);
        if (report.HasErrors)
            throw new CampaignRefusedException(
                "The template has errors: " + string.Join(" ", report.Errors.Select(e => $"(line {e.Line}, column {e.Column}) {e.Message}")), report.Errors.ToList());
        return report;
    }

    /// <summary>The admin UI's <see cref="CampaignForm"/> checks, applied to the fields the body sets over the stored campaign.</summary>
    private static async Task<Campaign> ValidateCampaignAsync(Guid id, AdminApiModels.CampaignBody body, Campaign? existing, IPreferenceStore store, CancellationToken ct)
    {
        var form = existing is null ? new CampaignForm() : CampaignForm.From(existing);
        if (body.Name is not null) form.Name = body.Name;
        if (body.Subject is not null) form.Subject = body.Subject;
        if (body.Html is not null) form.Html = body.Html;
        if (body.SendToOptedOut is { } sendToOptedOut) form.SendToOptedOut = sendToOptedOut;
        if (body.GroupIds is not null)
        {
            form.GroupIds.Clear();
            form.GroupIds.UnionWith(body.GroupIds);
        }
        // Only active groups may be associated through the API.
        return form.ToCampaign(id, await store.ListGroupsAsync(false, ct));
    }

    private static AdminApiModels.SettingsAnswer ToAnswer(ProviderSettings s) => new(s.Mode.ToString(), s.CustomUrl?.ToString());
    private static AdminApiModels.GroupAnswer ToAnswer(SubscriptionGroup g) => new(g.Id, g.Name, g.Description, g.Order, g.Archived, g.OptIn);
    private static AdminApiModels.CampaignAnswer ToAnswer(Campaign c) => new(c.Id, c.Name, c.Subject, c.GroupIds, c.Html, c.SendToOptedOut);
}
