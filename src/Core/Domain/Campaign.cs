namespace PreferenceUiKit.Core.Domain;

/// <summary>An email campaign.</summary>
public sealed record Campaign
{
    /// <summary>Opaque id.</summary>
    public required Guid Id { get; init; }
    /// <summary>Name shown to admins.</summary>
    public required string Name { get; init; }
    /// <summary>Subscription groups the campaign belongs to; empty when none is associated (rules S4, S8).</summary>
    public IReadOnlyList<Guid> GroupIds { get; init; } = [];
    /// <summary>The template (HTML with merge tags).</summary>
    public string Html { get; init; } = "";
    /// <summary>Subject line.</summary>
    public string Subject { get; init; } = "";
    /// <summary><em>Send email to users who have opted out</em> (rule S14).</summary>
    public bool SendToOptedOut { get; init; }
}
