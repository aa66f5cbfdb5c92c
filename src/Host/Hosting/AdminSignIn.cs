using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Host.Api;
using PreferenceUiKit.Host.SignIn;

namespace PreferenceUiKit.Host.Hosting;

/// <summary>
/// The admin sign-in (cookie authentication). The configured password is hashed once at start with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/> and only the hash is kept; sign-in compares through the hasher.
/// </summary>
public sealed class AdminCredentials
{
    private readonly PasswordHasher<AdminCredentials> _hasher = new();
    private readonly string? _hash;

    /// <summary>Reads <c>Admin:Email</c> and <c>Admin:Password</c>.</summary>
    public AdminCredentials(IOptions<AdminOptions> options)
    {
        Email = options.Value.Email?.Trim();
        if (!string.IsNullOrEmpty(options.Value.Password) && !string.IsNullOrEmpty(Email))
            _hash = _hasher.HashPassword(this, options.Value.Password);
    }

    /// <summary>The admin email, if configured.</summary>
    public string? Email { get; }
    /// <summary>Whether sign-in is possible at all.</summary>
    public bool Enabled => _hash is not null;

    /// <summary>Checks an attempt.</summary>
    public bool Verify(string? email, string? password)
    {
        if (_hash is null || string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)) return false;
        var passwordOk = _hasher.VerifyHashedPassword(this, _hash, password) != PasswordVerificationResult.Failed;
        return passwordOk && string.Equals(email.Trim(), Email, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Maps <c>/admin/signin</c> (GET form, POST) and <c>/admin/signout</c> (POST).</summary>
public static class AdminSignInEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapAdminSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/signin", (HttpContext http, IAntiforgery antiforgery, AdminCredentials credentials, string? returnUrl) =>
            Page(http, antiforgery, credentials, LocalOrAdmin(returnUrl), null, SignInProblem.None, StatusCodes.Status200OK));

        app.MapPost("/admin/signin", async (HttpContext http, IAntiforgery antiforgery, AdminCredentials credentials) =>
        {
            if (!http.Request.HasFormContentType)
                return Page(http, antiforgery, credentials, "/admin", null, SignInProblem.Expired, StatusCodes.Status415UnsupportedMediaType);
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Page(http, antiforgery, credentials, "/admin", null, SignInProblem.Expired, StatusCodes.Status400BadRequest);
            }
            var form = await http.Request.ReadFormAsync();
            var returnUrl = LocalOrAdmin(form["returnUrl"]);
            if (!credentials.Verify(form["email"], form["password"]))
                return Page(http, antiforgery, credentials, returnUrl, form["email"], SignInProblem.WrongCredentials, StatusCodes.Status401Unauthorized);
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, credentials.Email!), new Claim(ClaimTypes.Role, AdminOptions.Role)],
                CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Redirect(returnUrl);
        });

        app.MapPost("/admin/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/admin/signin");
        });
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, AdminCredentials credentials, string returnUrl, string? email, SignInProblem problem, int status)
        => new RazorComponentResult<SignInPage>(new Dictionary<string, object?>
        {
            [nameof(SignInPage.Antiforgery)] = antiforgery.GetAndStoreTokens(http),
            [nameof(SignInPage.ReturnUrl)] = returnUrl,
            [nameof(SignInPage.Email)] = email,
            [nameof(SignInPage.Problem)] = problem,
            [nameof(SignInPage.Enabled)] = credentials.Enabled,
        }) { StatusCode = status };

    /// <summary>Only local paths under /admin are followed after sign-in (no open redirect).</summary>
    private static string LocalOrAdmin(string? returnUrl)
        => returnUrl is { Length: > 0 } u && u.StartsWith("/admin", StringComparison.Ordinal) && !u.StartsWith("//", StringComparison.Ordinal) && !u.Contains('\\')
            ? u : "/admin";
}
