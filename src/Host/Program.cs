// The reference host: recipient pages, admin area, admin API and campaign sending, on SQLite by default.
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using PreferenceUiKit.Components;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.Links;
using PreferenceUiKit.Core.Storage;
using PreferenceUiKit.Host.Api;
using PreferenceUiKit.Host.Contacts;
using PreferenceUiKit.Host.Hosting;
using PreferenceUiKit.EditorPlugin;
using PreferenceUiKit.Host.Sending;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

builder.Services.AddPreferenceCenter(o => o.PublicBaseUrl ??= PublicAddress.PublicBaseUrl(config));
builder.Services.AddPreferenceStorage(config);
builder.Services.AddEmailTemplateEditor();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddLocalization();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddHealthChecks();
builder.Services.AddOpenApi("admin", o => o.ShouldInclude = d => d.RelativePath?.StartsWith("api/admin", StringComparison.Ordinal) == true);

builder.Services.AddOptions<MailOptions>().Bind(config.GetSection(MailOptions.SectionName));
builder.Services.AddSingleton<CampaignMessageFactory>();
builder.Services.AddSingleton<IMailDelivery>(sp => sp.GetRequiredService<IOptions<MailOptions>>().Value.Delivery == MailDeliveryKind.Smtp
    ? ActivatorUtilities.CreateInstance<SmtpDelivery>(sp)
    : ActivatorUtilities.CreateInstance<PickupDirectoryDelivery>(sp));
builder.Services.AddScoped<CampaignSender>();
builder.Services.AddScoped<CsvContactImport>();

builder.Services.AddOptions<AdminOptions>().Bind(config.GetSection(AdminOptions.SectionName));
builder.Services.AddSingleton<AdminCredentials>();
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(o =>
    {
        o.LoginPath = "/admin/signin";
        o.AccessDeniedPath = "/admin/signin";
        o.Cookie.Name = "puk-admin";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
    })
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AdminOptions.Policy, p => p.AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme).RequireRole(AdminOptions.Role))
    .AddPolicy(AdminOptions.ApiPolicy, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(AdminOptions.Role));
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();

app.UseRequestLocalization(o =>
{
    string[] cultures = ["en", "fr", "es", "hi"];
    o.SetDefaultCulture("en").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
    o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
});
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapOpenApi("/openapi/{documentName}.json");
app.MapPreferenceCenter(app.Services.GetRequiredService<IOptions<PreferenceCenterOptions>>().Value.RoutePrefix);
app.MapAdminApi();
app.MapAdminSignIn();
app.MapGet("/admin/preview/preferences", (PreferenceLinkBuilder links) =>
        // The System page as a recipient would see it, through a test link: viewable, never saved (S10).
        Results.Redirect(links.Urls.ManagePreferences(links.Signer.Sign(LinkKind.ManagePreferences, Guid.Empty, null, isTest: true))))
    .RequireAuthorization(AdminOptions.Policy);
HostAdminUi.Map(app);
app.MapGet("/", () => Results.Redirect("/admin"));

await HostStartup.PrepareAsync(app);
app.Run();

/// <summary>Entry point type, visible to integration tests.</summary>
public partial class Program;
