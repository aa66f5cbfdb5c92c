using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Host.Sending;

namespace PreferenceUiKit.Host.Api;

/// <summary>Turns validation failures into RFC 7807 problem details naming the field.</summary>
public static class ApiProblems
{
    /// <summary>400 (or 409 for duplicates, 404 for unknown ids) with the field, code and offending values.</summary>
    public static IResult From(PreferenceValidationException ex)
    {
        var status = ex.Code switch
        {
            ErrorCodes.EmailDuplicate or ErrorCodes.GroupNameDuplicate => StatusCodes.Status409Conflict,
            ErrorCodes.ContactNotFound or ErrorCodes.CampaignNotFound or ErrorCodes.GroupNotFound when ex.Field == "id" => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status400BadRequest,
        };
        return Results.Problem(
            statusCode: status,
            title: status == 400 ? "Invalid request" : status == 409 ? "Conflict" : "Not found",
            detail: ex.Message,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [ex.Field] = [ex.Message] },
                ["code"] = ex.Code,
                ["field"] = ex.Field,
                ["values"] = ex.Values,
            });
    }

    /// <summary>400 with the linter's findings.</summary>
    public static IResult From(CampaignRefusedException ex) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "The template has errors",
        detail: ex.Message,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["html"] = ex.Findings.Select(f => f.Message).ToArray() },
            ["field"] = "html",
            ["findings"] = ex.Findings,
        });

    /// <summary>400 naming a field, for input the domain types do not check themselves.</summary>
    public static IResult Field(string field, string message) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest,
        title: "Invalid request",
        detail: message,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
            ["field"] = field,
        });
}
