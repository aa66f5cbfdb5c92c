using PreferenceUiKit.Core.Linting;

namespace PreferenceUiKit.EditorPlugin;

/// <summary>What the editor hands over on save.</summary>
/// <param name="Kind">How the template is written.</param>
/// <param name="Html">The email's HTML with styles inlined, merge tags such as <c>*|CT_GROUP_UNSUBSCRIBE|*</c> unchanged.</param>
/// <param name="ProjectData">The builder's project data (JSON) to load it again later; null for raw HTML.</param>
/// <param name="Lint">The linter's findings for <paramref name="Html"/> (rule B7); a send refuses errors.</param>
public sealed record EmailTemplateSnapshot(TemplateKind Kind, string Html, string? ProjectData, LintReport Lint);
