using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>Danish names for the kinds of content, and the words used for them in admin URLs.</summary>
public static class ContentKinds
{
    public static string Name(ContentKind kind) => kind switch
    {
        ContentKind.CharterSection => "Afsnit i medarbejdergrundlaget",
        ContentKind.Bearing => "Pejlemærke",
        ContentKind.Leg => "Ben",
        ContentKind.PhoenixPage => "Phønix-siden",
        ContentKind.Course => "Phønix-forløb",
        ContentKind.AccessibilityStatement => "Tilgængelighedserklæring",
        _ => kind.ToString(),
    };

    /// <summary>The name inside a sentence ("Opret pejlemærke"): lower case, but Phønix is a name and keeps its capital.</summary>
    public static string InSentence(ContentKind kind) =>
        kind is ContentKind.PhoenixPage or ContentKind.Course ? Name(kind) : Name(kind).ToLowerInvariant();

    public static string Plural(ContentKind kind) => kind switch
    {
        ContentKind.CharterSection => "Afsnit i medarbejdergrundlaget",
        ContentKind.Bearing => "Pejlemærker",
        ContentKind.Leg => "De to ben",
        ContentKind.PhoenixPage => "Phønix",
        ContentKind.Course => "Phønix-forløb",
        ContentKind.AccessibilityStatement => "Tilgængelighedserklæringen",
        _ => kind.ToString(),
    };

    /// <summary>The kinds an editor may add more of. There is one Phønix page.</summary>
    public static readonly IReadOnlyDictionary<string, ContentKind> Creatable = new Dictionary<string, ContentKind>(StringComparer.Ordinal)
    {
        ["afsnit"] = ContentKind.CharterSection,
        ["pejlemaerke"] = ContentKind.Bearing,
        ["ben"] = ContentKind.Leg,
        ["forloeb"] = ContentKind.Course,
    };

    public static string? UrlWord(ContentKind kind) => Creatable.FirstOrDefault(p => p.Value == kind).Key;

    /// <summary>Where the public site shows the item.</summary>
    public static string PublicPath(ContentItem item, string slug) => PortalPaths.Of(item.Kind, item.Key, slug);
}
