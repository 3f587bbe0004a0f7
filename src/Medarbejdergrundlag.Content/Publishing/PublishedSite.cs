using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Search;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>The published text of one item, as the public site shows it.</summary>
public sealed record PublishedItem(
    int Id,
    ContentKind Kind,
    string Key,
    int SortOrder,
    string Title,
    string Slug,
    string LeadHtml,
    string BodyHtml,
    string PointsHtml,
    string PlainText,
    DateTime PublishedAt)
{
    /// <summary>The managers' dialog questions as &lt;li&gt; elements; empty for items without.</summary>
    public string DialogQuestionsHtml { get; init; } = "";

    /// <summary>A short plain-text summary for cards and meta descriptions.</summary>
    public string Summary(int maxLength = 160)
    {
        if (PlainText.Length <= maxLength)
        {
            return PlainText;
        }

        var cut = PlainText.LastIndexOf(' ', maxLength - 1);
        return string.Concat(PlainText.AsSpan(0, cut > 0 ? cut : maxLength - 1), "…");
    }
}

/// <summary>
/// Everything published, in reading order. Immutable: a publish replaces the whole snapshot,
/// so a request never sees half of one.
/// </summary>
public sealed class PublishedSite
{
    public PublishedSite(IEnumerable<PublishedItem> items)
    {
        var ordered = items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        CharterSections = ordered.Where(i => i.Kind == ContentKind.CharterSection).ToList();
        Legs = ordered.Where(i => i.Kind == ContentKind.Leg).ToList();
        Bearings = ordered.Where(i => i.Kind == ContentKind.Bearing).ToList();
        Phoenix = ordered.FirstOrDefault(i => i.Kind == ContentKind.PhoenixPage);

        // Built with the snapshot and dropped with it: a publish can never leave a stale index.
        Search = SearchIndex.Build(SiteSearchDocuments.From(this));
    }

    /// <summary>Everything above, searchable.</summary>
    public SearchIndex Search { get; }

    public IReadOnlyList<PublishedItem> CharterSections { get; }

    public IReadOnlyList<PublishedItem> Legs { get; }

    public IReadOnlyList<PublishedItem> Bearings { get; }

    public PublishedItem? Phoenix { get; }

    /// <summary>The charter's purpose: the lead of its first section.</summary>
    public PublishedItem? Introduction => CharterSections.Count > 0 ? CharterSections[0] : null;

    public PublishedItem? FindBearing(string slug) =>
        Bearings.FirstOrDefault(b => string.Equals(b.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
