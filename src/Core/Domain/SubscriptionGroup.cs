namespace PreferenceUiKit.Core.Domain;

/// <summary>
/// A subscription group (topic) a contact can receive or leave. Name and description are shown to
/// recipients exactly as created, whatever the page's language (rule S2).
/// </summary>
public sealed record SubscriptionGroup
{
    /// <summary>Opaque id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The name as created.</summary>
    public required string Name { get; init; }
    /// <summary>Markdown description as created (rendered safely by the pages).</summary>
    public string Description { get; init; } = "";
    /// <summary>Position on the pages, ascending.</summary>
    public int Order { get; init; }
    /// <summary>An archived group is no longer shown nor sent to; its stored states are kept.</summary>
    public bool Archived { get; init; }
    /// <summary>
    /// Opt-in groups reach nobody until a contact joins them; opt-out groups (the default) reach every
    /// contact until they leave (rule B10).
    /// </summary>
    public bool OptIn { get; init; }

    /// <summary>The state a contact has in this group before choosing anything.</summary>
    public bool DefaultSubscribed => !OptIn;

    /// <summary>Longest accepted group name.</summary>
    public const int MaxNameLength = 120;
    /// <summary>Longest accepted description.</summary>
    public const int MaxDescriptionLength = 4000;

    /// <summary>Validates a name and description as an admin would type them.</summary>
    /// <exception cref="PreferenceValidationException">The name is empty or too long, or the description is too long.</exception>
    public static (string Name, string Description) ValidateText(string? name, string? description)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            throw new PreferenceValidationException("name", ErrorCodes.GroupNameRequired, "A subscription group needs a name.");
        if (trimmed.Length > MaxNameLength)
            throw new PreferenceValidationException("name", ErrorCodes.GroupNameTooLong, $"A subscription group name has at most {MaxNameLength} characters.");
        var desc = description ?? "";
        if (desc.Length > MaxDescriptionLength)
            throw new PreferenceValidationException("description", ErrorCodes.GroupDescriptionTooLong, $"A description has at most {MaxDescriptionLength} characters.");
        return (trimmed, desc);
    }
}
