using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Model;

/// <summary>The parts a kind's revisions carry beside title, lead and body.</summary>
[Flags]
public enum ContentPart
{
    Text = 0,

    /// <summary><see cref="BearingDetails"/>: the "Det kan vi fordi…" points and the managers' dialog questions.</summary>
    Bearing = 1,

    /// <summary><see cref="CourseDetails"/>, the dates in <see cref="CourseDate"/>, and expiry after the last date.</summary>
    Course = 2,
}

/// <summary>Everything the portal knows about one kind of content, in one place.</summary>
/// <param name="Name">Its Danish name, as the admin pages say it.</param>
/// <param name="Plural">The admin overview's heading for the kind.</param>
/// <param name="UrlWord">The word in <c>/admin/indhold/ny/{word}</c>; null when editors cannot add more (there is one Phønix page).</param>
/// <param name="ChangeName">Its name in the readers' change log; null when its changes are not listed there.</param>
/// <param name="HasOwnAddress">It chooses its own slug (and keeps the old ones as redirects); the others live at a fixed place.</param>
/// <param name="PartOfCharter">It is part of the charter version readers confirm, so a change to it can be material.</param>
/// <param name="Translatable">It can have an English translation.</param>
/// <param name="NeedsApproval">A material change to it needs approval before it is published (issue 27).</param>
/// <param name="Path">Where the public site shows an item of the kind, from its key and slug.</param>
public sealed record ContentKindInfo(
    ContentKind Kind,
    string Name,
    string Plural,
    string? UrlWord,
    string? ChangeName,
    ContentPart Parts,
    bool HasOwnAddress,
    bool PartOfCharter,
    bool Translatable,
    bool NeedsApproval,
    Func<string, string, string> Path)
{
    public bool Has(ContentPart part) => (Parts & part) == part && part != ContentPart.Text;

    /// <summary>A course expires by itself after its last date (<see cref="Scheduling.CourseExpiry"/>).</summary>
    public bool Expires => Has(ContentPart.Course);
}

/// <summary>
/// The registry of content kinds. Adding a kind is one entry here (and the enum value, and its views);
/// every other place asks this registry what a kind is, has and allows.
/// </summary>
public static class ContentKinds
{
    public static readonly IReadOnlyList<ContentKindInfo> All =
    [
        new(ContentKind.CharterSection, "Afsnit i medarbejdergrundlaget", "Afsnit i medarbejdergrundlaget", "afsnit", "Afsnit i medarbejdergrundlaget",
            ContentPart.Text, HasOwnAddress: false, PartOfCharter: true, Translatable: true, NeedsApproval: true, (key, _) => PortalPaths.CharterSection(key)),
        new(ContentKind.Bearing, "Pejlemærke", "Pejlemærker", "pejlemaerke", "Pejlemærke",
            ContentPart.Bearing, HasOwnAddress: true, PartOfCharter: true, Translatable: true, NeedsApproval: true, (_, slug) => PortalPaths.Bearing(slug)),
        new(ContentKind.Leg, "Ben", "De to ben", "ben", "Ben i medarbejdergrundlaget",
            ContentPart.Text, HasOwnAddress: false, PartOfCharter: true, Translatable: true, NeedsApproval: true, (key, _) => PortalPaths.CharterSection(key)),
        new(ContentKind.PhoenixPage, "Phønix-siden", "Phønix", UrlWord: null, "Phønix",
            ContentPart.Text, HasOwnAddress: false, PartOfCharter: false, Translatable: true, NeedsApproval: false, (_, _) => PortalPaths.Phoenix),
        new(ContentKind.Course, "Phønix-forløb", "Phønix-forløb", "forloeb", ChangeName: null,
            ContentPart.Course, HasOwnAddress: true, PartOfCharter: false, Translatable: true, NeedsApproval: false, (_, slug) => PortalPaths.Course(slug)),
        new(ContentKind.AccessibilityStatement, "Tilgængelighedserklæring", "Tilgængelighedserklæringen", UrlWord: null, ChangeName: null,
            ContentPart.Text, HasOwnAddress: false, PartOfCharter: false, Translatable: false, NeedsApproval: false, (_, _) => PortalPaths.AccessibilityStatement),
    ];

    private static readonly Dictionary<ContentKind, ContentKindInfo> s_byKind = All.ToDictionary(k => k.Kind);

    public static ContentKindInfo Of(ContentKind kind) => s_byKind[kind];

    /// <summary>The kinds whose revisions carry <paramref name="part"/>, for queries (<c>kinds.Contains(i.Kind)</c>).</summary>
    public static IReadOnlyList<ContentKind> With(ContentPart part) => All.Where(k => k.Has(part)).Select(k => k.Kind).ToList();

    /// <summary>The kinds readers confirm as the charter: its sections, legs and bearings.</summary>
    public static readonly IReadOnlyList<ContentKind> Charter = All.Where(k => k.PartOfCharter).Select(k => k.Kind).ToList();

    /// <summary>The kinds whose publishes the readers' change log lists.</summary>
    public static readonly IReadOnlyList<ContentKind> InChangeLog = All.Where(k => k.ChangeName is not null).Select(k => k.Kind).ToList();

    /// <summary>The kinds an editor may add more of, by the word in their admin URL.</summary>
    public static readonly IReadOnlyDictionary<string, ContentKind> Creatable =
        All.Where(k => k.UrlWord is not null).ToDictionary(k => k.UrlWord!, k => k.Kind, StringComparer.Ordinal);

    public static string Name(ContentKind kind) => Of(kind).Name;

    /// <summary>The name inside a sentence ("Opret pejlemærke"): lower case, but Phønix is a name and keeps its capital.</summary>
    public static string InSentence(ContentKind kind) =>
        Name(kind).StartsWith("Phønix", StringComparison.Ordinal) ? Name(kind) : Name(kind).ToLowerInvariant();

    public static string Plural(ContentKind kind) => Of(kind).Plural;

    public static string? UrlWord(ContentKind kind) => Of(kind).UrlWord;

    /// <summary>Where the public site shows the item.</summary>
    public static string PublicPath(ContentItem item, string slug) => Of(item.Kind).Path(item.Key, slug);
}
