var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "PreferenceUiKit host");
app.Run();
