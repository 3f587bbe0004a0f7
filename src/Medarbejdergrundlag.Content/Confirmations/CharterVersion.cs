using System.Runtime.CompilerServices;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>
/// A version of the charter as a whole: the set of charter section, leg and bearing revisions
/// published at one moment, written as their ids in ascending order ("12,15,31"). It names exactly
/// what a reader saw, so what changed since can be worked out from the revisions themselves.
/// </summary>
public static class CharterVersion
{
    public const int MaxLength = 1000;

    private static readonly ConditionalWeakTable<PublishedSite, string> s_versions = [];

    /// <summary>The kinds a reader confirms: the charter's sections, its legs and its bearings.</summary>
    public static bool IsCharterKind(ContentKind kind) => ContentKinds.Of(kind).PartOfCharter;

    public static IEnumerable<PublishedItem> Items(PublishedSite site) => site.CharterSections.Concat(site.Legs).Concat(site.Bearings);

    /// <summary>The snapshot's version, worked out once per snapshot.</summary>
    public static string Of(PublishedSite site) =>
        s_versions.GetValue(site, s => string.Join(',', Items(s).Select(i => i.RevisionId).Order()));

    /// <summary>The revision ids of a version; an unreadable value gives none.</summary>
    public static IReadOnlySet<int> Parse(string version) =>
        version.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToHashSet();
}
