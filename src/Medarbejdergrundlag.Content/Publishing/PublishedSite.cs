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
    string PlainText,
    DateTime PublishedAt,
    PublishedCourse? Course = null)
{
    /// <summary>A revision shown as if it were published: for editors' previews.</summary>
    public static PublishedItem FromRevision(ContentItem item, ContentRevision revision, IEnumerable<CourseDate>? dates = null) => new(
        item.Id,
        item.Kind,
        item.Key,
        item.SortOrder,
        revision.Title,
        revision.Slug,
        revision.LeadHtml,
        revision.BodyHtml,
        revision.PlainText,
        revision.CreatedAt,
        revision.Course is { } course ? PublishedCourse.From(revision.Title, revision.PlainText, course, dates ?? []) : null)
    {
        Bearing = revision.Bearing,
        RevisionId = revision.Id,
    };

    /// <summary>The Danish revision shown; the charter's version is the set of these (<see cref="Confirmations.CharterVersion"/>).
    /// A translation gives the Danish revision it was translated from, so confirming on an English page
    /// counts for the Danish text the reader read in translation, not for a newer one they have not seen.</summary>
    public int RevisionId { get; init; }

    /// <summary>A bearing's own fields; null for other kinds.</summary>
    public BearingDetails? Bearing { get; init; }

    /// <summary>The language of this text: "en" for a published translation, else "da".</summary>
    public string Language { get; init; } = PortalCulture.DanishCode;

    /// <summary>A translation made from an older Danish text than the one published now.</summary>
    public bool TranslationOutdated { get; init; }

    /// <summary>
    /// The text's language when it is not the page's (a Danish text on an English page, where no
    /// translation is published), for a <c>lang</c> attribute; null when they agree.
    /// </summary>
    public string? LanguageIfOther => Language == PortalCulture.CurrentLanguage ? null : Language;

    /// <summary>
    /// The item as the English pages show it: the translation's text, the Danish item's address,
    /// order, course facts and dates. A field the translation leaves empty shows the Danish text,
    /// marked <c>lang="da"</c>, so a partial translation never leaves an empty page.
    /// </summary>
    public static PublishedItem Translation(PublishedItem danish, ContentRevision english, bool outdated) => danish with
    {
        Title = english.Title,
        LeadHtml = Blank(english.LeadHtml) && !Blank(danish.LeadHtml) ? $"<span lang=\"{PortalCulture.DanishCode}\">{danish.LeadHtml}</span>" : english.LeadHtml,
        BodyHtml = Blank(english.BodyHtml) && !Blank(danish.BodyHtml) ? $"<div lang=\"{PortalCulture.DanishCode}\">{danish.BodyHtml}</div>" : english.BodyHtml,
        PlainText = Blank(english.PlainText) ? danish.PlainText : english.PlainText,
        PublishedAt = english.CreatedAt,
        Bearing = BearingWithFallback(english.Bearing, danish.Bearing),
        Course = danish.Course is { } course
            ? course with { SearchText = PublishedCourse.Fold(english.Title + " " + english.PlainText + " " + course.SearchText) }
            : null,
        Language = PortalCulture.EnglishCode,
        TranslationOutdated = outdated,
        RevisionId = english.TranslatedFromRevisionId ?? danish.RevisionId,
    };

    private static bool Blank(string? html) => string.IsNullOrWhiteSpace(html);

    /// <summary>The translation's points and questions, each list the Danish one (its items marked Danish) where the translation has none.</summary>
    private static BearingDetails? BearingWithFallback(BearingDetails? english, BearingDetails? danish)
    {
        if (english is null || danish is null)
        {
            return english ?? danish;
        }

        static string Danish(string itemsHtml) => itemsHtml.Replace("<li>", $"<li lang=\"{PortalCulture.DanishCode}\">", StringComparison.Ordinal);
        return english with
        {
            PointsMarkdown = Blank(english.PointsMarkdown) ? danish.PointsMarkdown : english.PointsMarkdown,
            PointsHtml = Blank(english.PointsHtml) ? Danish(danish.PointsHtml) : english.PointsHtml,
            DialogQuestionsMarkdown = Blank(english.DialogQuestionsMarkdown) ? danish.DialogQuestionsMarkdown : english.DialogQuestionsMarkdown,
            DialogQuestionsHtml = Blank(english.DialogQuestionsHtml) ? Danish(danish.DialogQuestionsHtml) : english.DialogQuestionsHtml,
        };
    }

    /// <summary>The "Det kan vi fordi…" points as &lt;li&gt; elements; empty for items without.</summary>
    public string PointsHtml => Bearing?.PointsHtml ?? "";

    /// <summary>The managers' dialog questions as &lt;li&gt; elements; empty for items without.</summary>
    public string DialogQuestionsHtml => Bearing?.DialogQuestionsHtml ?? "";

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
    private readonly IReadOnlyDictionary<string, string> _bearingRedirects;
    private readonly IReadOnlyDictionary<string, string> _courseRedirects;
    private readonly IReadOnlyList<PublishedItem> _items;
    private readonly Lazy<SearchIndex> _search;

    private static long s_lastStamp;

    public PublishedSite(
        IEnumerable<PublishedItem> items,
        IEnumerable<(string OldSlug, int ItemId)>? bearingRedirects = null,
        IEnumerable<(string OldSlug, int ItemId)>? courseRedirects = null,
        string language = PortalCulture.DanishCode)
    {
        Language = language;
        Stamp = Interlocked.Increment(ref s_lastStamp);
        var ordered = items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        _items = ordered;
        CharterSections = ordered.Where(i => i.Kind == ContentKind.CharterSection).ToList();
        Legs = ordered.Where(i => i.Kind == ContentKind.Leg).ToList();
        Bearings = ordered.Where(i => i.Kind == ContentKind.Bearing).ToList();
        Phoenix = ordered.FirstOrDefault(i => i.Kind == ContentKind.PhoenixPage);
        Courses = ordered.Where(i => i.Kind == ContentKind.Course && i.Course is not null).ToList();
        _coursesBySlug = Courses.ToDictionary(c => c.Slug, StringComparer.OrdinalIgnoreCase);
        var coursesById = Courses.ToDictionary(c => c.Id);
        _courseRedirects = (courseRedirects ?? [])
            .Where(r => coursesById.ContainsKey(r.ItemId))
            .ToDictionary(r => r.OldSlug, r => coursesById[r.ItemId].Slug, StringComparer.OrdinalIgnoreCase);

        // Old slugs resolve to wherever their item lives now; redirects to unpublished items are dropped.
        var bearingsById = Bearings.ToDictionary(b => b.Id);
        _bearingRedirects = (bearingRedirects ?? [])
            .Where(r => bearingsById.ContainsKey(r.ItemId))
            .ToDictionary(r => r.OldSlug, r => bearingsById[r.ItemId].Slug, StringComparer.OrdinalIgnoreCase);

        // Belongs to the snapshot and is dropped with it: a publish can never leave a stale index.
        // Built on first use, so a preview's throwaway copy of the site never pays for one.
        // Built in the site's own language, so its results link to the pages in that language.
        _search = new Lazy<SearchIndex>(() => PortalCulture.In(language, () => SearchIndex.Build(SiteSearchDocuments.From(this))));
    }

    /// <summary>"da" for the Danish pages; "en" for the English pages, whose items are translations where one is published.</summary>
    public string Language { get; }

    /// <summary>
    /// Unique to this snapshot within the process, and never reused: HTML cached under it can only
    /// ever show this snapshot's content, so a publish (a new snapshot) is seen at the next request.
    /// </summary>
    public long Stamp { get; }

    /// <summary>Everything above, searchable.</summary>
    public SearchIndex Search => _search.Value;

    public IReadOnlyList<PublishedItem> CharterSections { get; }

    public IReadOnlyList<PublishedItem> Legs { get; }

    public IReadOnlyList<PublishedItem> Bearings { get; }

    public PublishedItem? Phoenix { get; }

    /// <summary>Published courses with their dates (removed dates left out), in the editors' order.</summary>
    public IReadOnlyList<PublishedItem> Courses { get; }

    private readonly IReadOnlyDictionary<string, PublishedItem> _coursesBySlug;

    public PublishedItem? FindCourse(string slug) => _coursesBySlug.GetValueOrDefault(slug);

    /// <summary>The current slug of the course that once had <paramref name="oldSlug"/>, or null.</summary>
    public string? CourseRedirect(string oldSlug) => _courseRedirects.GetValueOrDefault(oldSlug);

    /// <summary>The courses that train the bearing with this key.</summary>
    public IReadOnlyList<PublishedItem> CoursesTraining(string bearingKey) =>
        Courses.Where(c => c.Course!.Details.BearingKeys.Contains(bearingKey, StringComparer.Ordinal)).ToList();

    /// <summary>The charter's purpose: the lead of its first section.</summary>
    public PublishedItem? Introduction => CharterSections.Count > 0 ? CharterSections[0] : null;

    /// <summary>This site with one item replaced (or added): what the site would be if it were published.</summary>
    public PublishedSite With(PublishedItem replacement) =>
        new(_items.Where(i => i.Id != replacement.Id).Append(replacement), language: Language);

    /// <summary>Everything published, for views that need several kinds.</summary>
    public IReadOnlyList<PublishedItem> Items => _items;

    /// <summary>The current slug of the bearing that once had <paramref name="oldSlug"/>, or null.</summary>
    public string? BearingRedirect(string oldSlug) => _bearingRedirects.GetValueOrDefault(oldSlug);

    public PublishedItem? FindBearing(string slug) =>
        Bearings.FirstOrDefault(b => string.Equals(b.Slug, slug, StringComparison.OrdinalIgnoreCase));
}
