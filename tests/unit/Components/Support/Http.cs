using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PreferenceUiKit.Components.Tests.Support;

public static class Http
{
    public static async Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string? acceptLanguage = null, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await client.SendAsync(request);
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields)
        => new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)));

    public static async Task<IDocument> HtmlAsync(this HttpResponseMessage response)
        => new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static IElement ByTestId(this IDocument document, string testId)
        => document.QuerySelector($"[data-testid=\"{testId}\"]") ?? throw new Xunit.Sdk.XunitException($"No element with data-testid=\"{testId}\" in:\n{document.Body?.OuterHtml}");
}
