using MudBlazor;

namespace PreferenceUiKit.Components.Pages;

/// <summary>The MudBlazor theme of the recipient pages: colours chosen for WCAG AA contrast as text on white.</summary>
public static class RecipientTheme
{
    /// <summary>The theme.</summary>
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3b34b3",
            Secondary = "#5c2d91",
            Info = "#0a58a8",
            Success = "#1b6e20",
            Warning = "#7a4a00",
            Error = "#b3261e",
            TextPrimary = "#1c1b1f",
            TextSecondary = "#4a4a55",
            Background = "#f5f5f8",
        },
    };
}
