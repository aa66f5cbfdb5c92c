namespace PreferenceUiKit.EditorPlugin;

/// <summary>How a template is written.</summary>
public enum TemplateKind
{
    /// <summary>With the drag-and-drop builder (rule S13).</summary>
    DragAndDrop = 0,
    /// <summary>As raw HTML, for rich-media templates (rule S12).</summary>
    RawHtml = 1,
}
