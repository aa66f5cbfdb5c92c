using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PreferenceUiKit.Components.Pages;

namespace PreferenceUiKit.Components.Endpoints;

/// <summary>
/// Renders a recipient page as static SSR inside <see cref="RecipientDocument"/>, in the page's language.
/// The culture is set here, around the render, because a culture set in an endpoint handler does not flow into the
/// result's execution.
/// </summary>
internal sealed class RecipientPageResult<TPage>(CultureInfo culture, string titleKey, int statusCode,
    IReadOnlyDictionary<string, object?> parameters, bool includeToggleScript = false) : IResult where TPage : IComponent
{
    public CultureInfo Culture => culture;
    public int StatusCode => statusCode;
    public IReadOnlyDictionary<string, object?> Parameters => parameters;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        var title = Localization.RecipientText.Resources.GetString(titleKey, culture) ?? titleKey;
        RenderFragment body = builder =>
        {
            builder.OpenComponent<TPage>(0);
            foreach (var (name, value) in parameters)
                builder.AddComponentParameter(1, name, value);
            builder.CloseComponent();
        };
        var document = new RazorComponentResult<RecipientDocument>(new Dictionary<string, object?>
        {
            [nameof(RecipientDocument.Lang)] = culture.TwoLetterISOLanguageName,
            [nameof(RecipientDocument.Title)] = title,
            [nameof(RecipientDocument.AssetBase)] = httpContext.Request.PathBase.Value ?? "",
            [nameof(RecipientDocument.IncludeToggleScript)] = includeToggleScript,
            [nameof(RecipientDocument.Body)] = body,
        })
        {
            StatusCode = statusCode,
        };
        // Rendered into a buffer first: the answer carries its Content-Length (no chunking), and HEAD gets the same
        // headers as GET, length included, without the body being sent.
        var response = httpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream(16 * 1024);
        response.Body = buffer;
        try
        {
            await document.ExecuteAsync(httpContext);
        }
        finally
        {
            response.Body = original;
        }
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(httpContext.Request.Method))
            await original.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}

/// <summary>A 303 See Other: a form post answered with a GET of the result page.</summary>
internal sealed class SeeOtherResult(string location) : IResult
{
    public string Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        return Task.CompletedTask;
    }
}
