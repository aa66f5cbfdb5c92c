namespace PreferenceUiKit.EditorPlugin;

// What the browser module receives at start (serialized as camelCase JSON by Blazor's JS interop).
internal sealed record EditorOptions(
    string? ProjectData,
    string? Html,
    bool GroupsConfigured,
    IReadOnlyList<EditorCategory> Categories,
    IReadOnlyList<EditorLink> Links,
    IReadOnlyList<EditorBlock> Blocks,
    EditorPluginTexts Texts);

internal sealed record EditorCategory(string Id, string Label);

internal sealed record EditorLink(string Id, string Tag, string Category, string Label, bool RequiresGroups);

/// <summary>A GrapesJS block: its id, its name in the block panel, and the HTML it drops in.</summary>
internal sealed record EditorBlock(string Id, string Label, string Content);

internal sealed record EditorPluginTexts(string SpecialLinks, string SpecialLinkTrait, string NoSpecialLink);
