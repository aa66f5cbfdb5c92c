using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PreferenceUiKit.Host.Api;

/// <summary>Authenticates admin API calls by the <c>X-Api-Key</c> header against <c>Admin:ApiKey</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AdminOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
            return Task.FromResult(AuthenticateResult.NoResult());
        var expected = admin.Value.ApiKey;
        if (string.IsNullOrEmpty(expected)
            || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!)), SHA256.HashData(Encoding.UTF8.GetBytes(expected))))
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api"), new Claim(ClaimTypes.Role, AdminOptions.Role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        await Results.Problem(statusCode: 401, title: "Unauthorized", detail: $"Send a valid {HeaderName} header.").ExecuteAsync(Context);
    }

    /// <inheritdoc />
    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
        => await Results.Problem(statusCode: 403, title: "Forbidden").ExecuteAsync(Context);
}

/// <summary>The admin sign-in and API key (configuration section <c>Admin</c>).</summary>
public sealed class AdminOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Admin";
    /// <summary>The role every admin principal carries.</summary>
    public const string Role = "PreferenceCenterAdmin";
    /// <summary>The authorization policy of every admin page (cookie sign-in).</summary>
    public const string Policy = "PreferenceCenterAdmin";
    /// <summary>The authorization policy of every admin API endpoint (<c>X-Api-Key</c>).</summary>
    public const string ApiPolicy = "PreferenceCenterAdminApi";

    /// <summary>Admin sign-in email.</summary>
    public string? Email { get; set; }
    /// <summary>Admin password (hashed in memory at start; never stored in clear by the host).</summary>
    public string? Password { get; set; }
    /// <summary>The key of the admin JSON API.</summary>
    public string? ApiKey { get; set; }
}
