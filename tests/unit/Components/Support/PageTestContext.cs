using System.Globalization;
using System.Runtime.CompilerServices;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace PreferenceUiKit.Components.Tests.Support;

/// <summary>A bUnit context with MudBlazor and the page texts, rendering in one language.</summary>
public static class PageTestContext
{
    public static BunitContext Create(string language = "en")
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        PreferenceCenterServiceCollectionExtensions.AddRecipientText(context.Services);
        var culture = CultureInfo.GetCultureInfo(language);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return context;
    }

    public static TheoryData<string> Languages() => ["en", "fr", "es", "hi"];

    /// <summary>
    /// The checked-in markup a test compares with; when missing, the rendered markup is written beside it as
    /// <c>.received.html</c> and the test fails, so a person reviews it before it becomes the reference.
    /// </summary>
    public static string Verified(string name, string received, [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(caller)!, "..", "Verified");
        var path = Path.Combine(folder, name + ".verified.html");
        if (File.Exists(path)) return File.ReadAllText(path);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".received.html"), received);
        throw new Xunit.Sdk.XunitException($"No verified markup at {path}; review {name}.received.html and rename it.");
    }
}
