using PreferenceUiKit.EditorPlugin;

namespace PreferenceUiKit.EditorTestHost;

/// <summary>The last template saved from the editor page, so a test can open it again.</summary>
public sealed class SavedTemplates
{
    public EmailTemplateSnapshot? Last { get; set; }
}
