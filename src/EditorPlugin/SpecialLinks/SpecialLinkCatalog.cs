using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using PreferenceUiKit.Core.Domain;
using PreferenceUiKit.Core.MergeTags;
using PreferenceUiKit.EditorPlugin.Localization;

namespace PreferenceUiKit.EditorPlugin.SpecialLinks;

/// <summary>
/// The one list of special links the editor offers (rule S13). It starts from Core's merge tags
/// (<see cref="MergeTagNames"/>); a host adds its own entries with <see cref="Add"/>. The same list feeds the GrapesJS
/// menu, the link settings panel and the blocks, and can be exported as the <c>specialLinks</c> configuration of
/// Unlayer (<see cref="ToUnlayerJson"/>) or Beefree (<see cref="ToBeefreeJson"/>).
/// </summary>
public sealed partial class SpecialLinkCatalog : IReadOnlyList<SpecialLink>
{
    private readonly List<SpecialLink> _links = [];

    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        // Keeps French accents and Devanagari readable while still escaping characters that matter inside HTML.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>A catalog with the two preference-center links of Core, in the <em>Unsubscribe</em> submenu.</summary>
    public static SpecialLinkCatalog CreateDefault()
    {
        var catalog = new SpecialLinkCatalog();
        foreach (var (tag, kind) in MergeTagNames.All)
            catalog.Add(BuiltIn(tag, kind));
        return catalog;
    }

    private static SpecialLink BuiltIn(string tag, LinkKind kind) => kind switch
    {
        LinkKind.ManagePreferences => new SpecialLink("manage-preferences", tag, SpecialLinkCategory.Unsubscribe,
            LocalizedText.Of("Email Preference Center", "Centre de préférences e-mail", "Centro de preferencias de correo", "ईमेल प्राथमिकता केंद्र"),
            LocalizedText.Of("Manage preferences", "Gérer mes préférences", "Gestionar preferencias", "प्राथमिकताएँ प्रबंधित करें"))
        {
            Kind = kind,
            RequiresSubscriptionGroups = true,
            RefusalWithoutGroups = LocalizedText.Of(
                "The Email Preference Center link needs at least one subscription group, and no group exists yet. Create a subscription group first, or use Group Unsubscribe: with no groups it unsubscribes the recipient from all email.",
                "Le lien Centre de préférences e-mail nécessite au moins un groupe d'abonnement, et aucun groupe n'existe encore. Créez d'abord un groupe d'abonnement, ou utilisez Désabonnement du groupe : sans groupe, il désabonne le destinataire de tous les e-mails.",
                "El enlace Centro de preferencias de correo necesita al menos un grupo de suscripción y todavía no existe ninguno. Cree primero un grupo de suscripción o use Baja del grupo: sin grupos, da de baja al destinatario de todos los correos.",
                "ईमेल प्राथमिकता केंद्र लिंक के लिए कम से कम एक सदस्यता समूह चाहिए, और अभी कोई समूह नहीं है। पहले एक सदस्यता समूह बनाएँ, या समूह सदस्यता रद्द करें का उपयोग करें: समूह न होने पर यह प्राप्तकर्ता की सभी ईमेल की सदस्यता रद्द कर देता है।"),
        },
        LinkKind.GroupUnsubscribe => new SpecialLink("group-unsubscribe", tag, SpecialLinkCategory.Unsubscribe,
            LocalizedText.Of("Group Unsubscribe", "Désabonnement du groupe", "Baja del grupo", "समूह सदस्यता रद्द करें"),
            LocalizedText.Of("Unsubscribe", "Se désabonner", "Cancelar suscripción", "सदस्यता रद्द करें"))
        {
            Kind = kind,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Adds an entry (for example a host's <em>View in browser</em> link in its own submenu).</summary>
    /// <returns>This catalog, to chain calls.</returns>
    /// <exception cref="ArgumentException">The id is not lower-case letters, digits and dashes, is already used, or the tag is empty, already used, or contains a quote or angle bracket.</exception>
    public SpecialLinkCatalog Add(SpecialLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IdPattern().IsMatch(link.Id ?? ""))
            throw new ArgumentException($"Special link id '{link.Id}' must be lower-case letters, digits and dashes.", nameof(link));
        if (!IdPattern().IsMatch(link.Category?.Id ?? ""))
            throw new ArgumentException($"Category id '{link.Category?.Id}' must be lower-case letters, digits and dashes.", nameof(link));
        if (string.IsNullOrWhiteSpace(link.Tag) || link.Tag.AsSpan().IndexOfAny("\"'<>") >= 0 || link.Tag.Trim() != link.Tag)
            throw new ArgumentException($"Special link tag '{link.Tag}' must be non-empty, without quotes, angle brackets or surrounding spaces.", nameof(link));
        if (_links.Any(l => l.Id == link.Id))
            throw new ArgumentException($"A special link with id '{link.Id}' already exists.", nameof(link));
        if (_links.Any(l => l.Tag == link.Tag))
            throw new ArgumentException($"A special link with tag '{link.Tag}' already exists.", nameof(link));
        _links.Add(link);
        return this;
    }

    /// <summary>The entry whose tag is exactly <paramref name="tag"/>, or null.</summary>
    public SpecialLink? FindByTag(string? tag) => _links.FirstOrDefault(l => l.Tag == tag);

    /// <summary>The entry with an id, or null.</summary>
    public SpecialLink? FindById(string? id) => _links.FirstOrDefault(l => l.Id == id);

    /// <summary>The submenus, in the order their first entry was added.</summary>
    public IReadOnlyList<SpecialLinkCategory> Categories
        => _links.Select(l => l.Category).DistinctBy(c => c.Id).ToList();

    /// <inheritdoc />
    public int Count => _links.Count;

    /// <inheritdoc />
    public SpecialLink this[int index] => _links[index];

    /// <inheritdoc />
    public IEnumerator<SpecialLink> GetEnumerator() => _links.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The catalog as Unlayer's <c>specialLinks</c> option: one nested group per submenu,
    /// <c>[{"name":"Unsubscribe","specialLinks":[{"name":"Group Unsubscribe","href":"*|CT_GROUP_UNSUBSCRIBE|*","target":"_blank"}]}]</c>.
    /// </summary>
    /// <param name="culture">Language of the names (default: the current UI culture).</param>
    /// <param name="groupsConfigured">Whether subscription groups exist; when false, entries that need them are left out (rule S9).</param>
    public string ToUnlayerJson(CultureInfo? culture = null, bool groupsConfigured = true)
    {
        var groups = Grouped(groupsConfigured).Select(g => new Dictionary<string, object>
        {
            ["name"] = g.Key.Label.For(culture),
            ["specialLinks"] = g.Select(l => new Dictionary<string, object>
            {
                ["name"] = l.Label.For(culture),
                ["href"] = l.Tag,
                ["target"] = "_blank",
            }).ToList(),
        }).ToList();
        return JsonSerializer.Serialize(groups, ExportJson);
    }

    /// <summary>
    /// The catalog as Beefree's <c>specialLinks</c> option: a flat list whose <c>type</c> names the submenu,
    /// <c>[{"type":"Unsubscribe","label":"Group Unsubscribe","link":"*|CT_GROUP_UNSUBSCRIBE|*"}]</c>.
    /// </summary>
    /// <param name="culture">Language of the labels (default: the current UI culture).</param>
    /// <param name="groupsConfigured">Whether subscription groups exist; when false, entries that need them are left out (rule S9).</param>
    public string ToBeefreeJson(CultureInfo? culture = null, bool groupsConfigured = true)
    {
        var links = Grouped(groupsConfigured).SelectMany(g => g.Select(l => new Dictionary<string, object>
        {
            ["type"] = g.Key.Label.For(culture),
            ["label"] = l.Label.For(culture),
            ["link"] = l.Tag,
        })).ToList();
        return JsonSerializer.Serialize(links, ExportJson);
    }

    private IEnumerable<IGrouping<SpecialLinkCategory, SpecialLink>> Grouped(bool groupsConfigured)
        => _links.Where(l => l.IsAvailable(groupsConfigured))
            .GroupBy(l => l.Category, CategoryById.Instance);

    private sealed class CategoryById : IEqualityComparer<SpecialLinkCategory>
    {
        public static readonly CategoryById Instance = new();
        public bool Equals(SpecialLinkCategory? x, SpecialLinkCategory? y) => x?.Id == y?.Id;
        public int GetHashCode(SpecialLinkCategory obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
