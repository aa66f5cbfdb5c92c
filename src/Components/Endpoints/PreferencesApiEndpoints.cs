using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using PreferenceUiKit.Components.Localization;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Rules;
using PreferenceUiKit.Core.Storage;

namespace PreferenceUiKit.Components.Endpoints;

/// <summary>
/// <c>GET/PUT /api/preferences/{token}</c>: the same rules as the pages, as JSON, for customers who host their own
/// page (Custom URL, S1). CORS answers only the origin of the configured Custom URL.
/// </summary>
internal static class PreferencesApiEndpoints
{
    public static async Task<IResult> GetAsync(string token, HttpContext context)
    {
        await ApplyCorsAsync(context);
        var culture = RecipientRequest.Culture(context);
        if (!Signer(context).TryVerify(token, out var link)) return NotFound(context, culture);
        LinkPage page;
        try
        {
            page = await Rules(context).OpenAsync(link, context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Reading preferences failed.");
            return Problem(context, culture, StatusCodes.Status503ServiceUnavailable, "ContactMissingTitle", "store_unavailable");
        }
        if (page.ContactMissing) return Problem(context, culture, StatusCodes.Status410Gone, "ContactMissingTitle", ErrorCodes.ContactNotFound);
        return Results.Json(Shape(page, status: null), JsonSerializerOptions.Web);
    }

    public static async Task<IResult> PutAsync(string token, HttpContext context)
    {
        await ApplyCorsAsync(context);
        var culture = RecipientRequest.Culture(context);
        if (!Signer(context).TryVerify(token, out var link)) return NotFound(context, culture);
        if (context.Request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            return BadBody(context, culture, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send application/json.");
        if (context.Request.ContentLength > RecipientRequest.MaxBodyBytes)
            return BadBody(context, culture, StatusCodes.Status413PayloadTooLarge, "body_too_large", "The body is too large.");

        var errors = new Dictionary<string, string[]>();
        PreferenceSubmission? submission = null;
        RecipientRequest.LimitBody(context);
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            submission = ReadSubmission(document.RootElement, errors);
        }
        catch (JsonException e)
        {
            errors["body"] = [$"The body is not valid JSON: {e.Message}"];
        }
        catch (BadHttpRequestException e)
        {
            return BadBody(context, culture, e.StatusCode, "body_unreadable", "The body could not be read (too large or cut short).");
        }
        if (errors.Count > 0 || submission is null)
            return Results.ValidationProblem(errors, detail: "The request body is not a preferences document.",
                title: Text(context, culture, "BadRequestTitle"), extensions: new Dictionary<string, object?> { ["code"] = "body_invalid" });

        SaveResult result;
        try
        {
            result = await Rules(context).SavePreferencesAsync(link, submission, culture.Name, ChangeSource.Api, context.RequestAborted);
        }
        catch (PreferenceValidationException e)
        {
            var title = Text(context, culture, "Error_" + e.Code);
            return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = e.Values.ToArray() }, detail: e.Message, title: title,
                extensions: new Dictionary<string, object?> { ["code"] = e.Code });
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Saving preferences through the API failed.");
            return Problem(context, culture, StatusCodes.Status503ServiceUnavailable, "SaveFailedTitle", "store_unavailable");
        }
        if (result.Status == SaveStatus.ContactMissing)
            return Problem(context, culture, StatusCodes.Status410Gone, "ContactMissingTitle", ErrorCodes.ContactNotFound);
        var status = result.Status switch
        {
            SaveStatus.Saved => "saved",
            SaveStatus.Unchanged => "unchanged",
            _ => "testNotSaved",
        };
        return Results.Json(Shape(result.Page, status), JsonSerializerOptions.Web);
    }

    /// <summary>CORS preflight: answered with CORS headers only for the configured Custom URL's origin.</summary>
    public static async Task<IResult> PreflightAsync(HttpContext context)
    {
        if (await ApplyCorsAsync(context))
        {
            context.Response.Headers.AccessControlAllowMethods = "GET, PUT";
            context.Response.Headers.AccessControlAllowHeaders = "Content-Type, Accept-Language";
            context.Response.Headers.AccessControlMaxAge = "600";
        }
        return Results.NoContent();
    }

    private static object Shape(LinkPage page, string? status) => new
    {
        allCommunication = page.AllCommunication,
        groups = page.Groups.Select(g => new { id = g.Group.Id, name = g.Group.Name, description = g.Group.Description, subscribed = g.Subscribed }),
        kind = page.Link.Kind == LinkKind.ManagePreferences ? "preferences" : "unsubscribe",
        test = page.Link.IsTest,
        status,
    };

    private static PreferenceSubmission? ReadSubmission(JsonElement root, Dictionary<string, string[]> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["Expected a JSON object."];
            return null;
        }
        bool? all = null;
        var shown = new List<Guid>();
        var subscribed = new List<Guid>();
        var badIds = new List<string>();
        var groupErrors = new List<string>();
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals("allCommunication") || property.Name.Equals("allCommunication", StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) all = property.Value.GetBoolean();
                else errors["allCommunication"] = ["allCommunication must be true or false."];
            }
            else if (property.Name.Equals("groups", StringComparison.OrdinalIgnoreCase))
            {
                if (property.Value.ValueKind == JsonValueKind.Null) continue;
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    errors["groups"] = ["groups must be an array."];
                    continue;
                }
                foreach (var item in property.Value.EnumerateArray())
                    ReadGroup(item, shown, subscribed, badIds, groupErrors);
            }
        }
        if (all is null && !errors.ContainsKey("allCommunication")) errors["allCommunication"] = ["allCommunication is required."];
        if (badIds.Count > 0) errors["groups"] = [.. badIds];
        else if (groupErrors.Count > 0) errors["groups"] = [.. groupErrors];
        return errors.Count > 0 ? null : new PreferenceSubmission(all!.Value, shown, subscribed);
    }

    private static void ReadGroup(JsonElement item, List<Guid> shown, List<Guid> subscribed, List<string> badIds, List<string> groupErrors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            groupErrors.Add("Each group is an object {\"id\":…,\"subscribed\":…}.");
            return;
        }
        string? idText = null;
        bool? on = null;
        foreach (var p in item.EnumerateObject())
        {
            if (p.Name.Equals("id", StringComparison.OrdinalIgnoreCase)) idText = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText();
            else if (p.Name.Equals("subscribed", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) on = p.Value.GetBoolean();
        }
        if (!Guid.TryParse(idText, out var id))
        {
            badIds.Add(idText ?? "(missing id)");
            return;
        }
        if (on is null)
        {
            groupErrors.Add($"Group {id} needs \"subscribed\": true or false.");
            return;
        }
        shown.Add(id);
        if (on.Value) subscribed.Add(id);
    }

    /// <summary>Adds CORS headers when the request's Origin is the configured Custom URL's origin; true when it did.</summary>
    private static async Task<bool> ApplyCorsAsync(HttpContext context)
    {
        context.Response.Headers.Vary = "Origin";
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin)) return false;
        ProviderSettings settings;
        try
        {
            settings = await context.RequestServices.GetRequiredService<IPreferenceStore>().GetSettingsAsync(context.RequestAborted);
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log(context).LogError(e, "Reading the provider settings failed.");
            return false;
        }
        if (settings is not { Mode: PreferenceCenterMode.CustomUrl, CustomUrl: { } custom }) return false;
        var allowed = custom.GetLeftPart(UriPartial.Authority);
        if (!string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase)) return false;
        context.Response.Headers.AccessControlAllowOrigin = origin;
        return true;
    }

    private static IResult NotFound(HttpContext context, CultureInfo culture)
        => Problem(context, culture, StatusCodes.Status404NotFound, "NotFoundTitle", "link_invalid");

    // A body the API cannot use: the title in the page's language, the detail for the developer.
    private static IResult BadBody(HttpContext context, CultureInfo culture, int status, string code, string detail)
        => Results.Problem(statusCode: status, title: Text(context, culture, "BadRequestTitle"), detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    private static IResult Problem(HttpContext context, CultureInfo culture, int status, string titleKey, string code)
        => Results.Problem(statusCode: status, title: Text(context, culture, titleKey),
            extensions: new Dictionary<string, object?> { ["code"] = code });

    private static string Text(HttpContext context, CultureInfo culture, string key)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return context.RequestServices.GetRequiredService<IStringLocalizer<RecipientText>>()[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static PreferenceLinkSigner Signer(HttpContext c) => c.RequestServices.GetRequiredService<PreferenceLinkSigner>();
    private static PreferenceRules Rules(HttpContext c) => c.RequestServices.GetRequiredService<PreferenceRules>();
    private static ILogger Log(HttpContext c) => c.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PreferenceUiKit.Components.PreferencesApi");
}
