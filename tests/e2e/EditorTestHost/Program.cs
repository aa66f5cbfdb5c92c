using MudBlazor.Services;
using PreferenceUiKit.EditorPlugin;
using PreferenceUiKit.EditorTestHost;
using PreferenceUiKit.EditorTestHost.Components;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddEmailTemplateEditor();
builder.Services.AddSingleton<SavedTemplates>();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
