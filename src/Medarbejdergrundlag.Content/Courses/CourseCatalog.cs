using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>
/// The catalogue's filters, as they stand in the URL so a filtered list can be shared.
/// Empty values mean "all".
/// </summary>
public sealed record CourseFilter(
    Audience? Audience = null,
    Forvaltning? Forvaltning = null,
    string? BearingKey = null,
    bool UpcomingOnly = false,
    bool FreeSeatsOnly = false,
    string? Text = null)
{
    public bool IsEmpty => this == new CourseFilter();

    /// <summary>The query string (without '?'), in a fixed order, with the URL words the catalogue reads.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Audience is { } a)
        {
            parts.Add("maalgruppe=" + CourseTerms.Slug(a));
        }

        if (Forvaltning is { } f)
        {
            parts.Add("forvaltning=" + CourseTerms.Slug(f));
        }

        if (!string.IsNullOrEmpty(BearingKey))
        {
            parts.Add("pejlemaerke=" + Uri.EscapeDataString(BearingKey));
        }

        if (UpcomingOnly)
        {
            parts.Add("kommende=1");
        }

        if (FreeSeatsOnly)
        {
            parts.Add("ledige=1");
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add("q=" + Uri.EscapeDataString(Text.Trim()));
        }

        return string.Join('&', parts);
    }

    /// <summary>Reads the URL's words leniently: an unknown value is ignored rather than failing the page.</summary>
    public static CourseFilter Parse(string? audience, string? forvaltning, string? bearing, string? upcoming, string? free, string? text) => new(
        CourseTerms.ParseAudience(audience) is { } a && a != Courses.Audience.Alle ? a : null,
        CourseTerms.ParseForvaltning(forvaltning),
        string.IsNullOrWhiteSpace(bearing) ? null : Slugifier.Slugify(bearing),
        IsOn(upcoming),
        IsOn(free),
        string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    private static bool IsOn(string? value) => value is "1" or "true" or "on" or "ja";
}

/// <summary>A course in the list, with the dates that matched and its next date.</summary>
public sealed record CatalogueEntry(PublishedItem Item, PublishedCourse Course, PublishedCourseDate? NextDate, IReadOnlyList<PublishedCourseDate> Dates);

/// <summary>Filters and sorts the published courses in memory: the published site is a snapshot, so this costs no query.</summary>
public static class CourseCatalog
{
    /// <summary>
    /// When the catalogue next changes by the clock alone: the next start of any published date,
    /// after which it is no longer upcoming. Null when no date lies ahead. Until then, a filtered
    /// list of this snapshot stays the same.
    /// </summary>
    public static DateTime? NextChange(PublishedSite site, DateTime nowUtc)
    {
        DateTime? next = null;
        foreach (var course in site.Courses)
        {
            foreach (var date in course.Course!.Dates)
            {
                if (date.StartsAt > nowUtc && (next is null || date.StartsAt < next))
                {
                    next = date.StartsAt;
                }
            }
        }

        return next;
    }

    /// <summary>
    /// Courses matching every filter, sorted by next date (courses without one last, by title).
    /// <see cref="CatalogueEntry.Dates"/> holds the dates the list offers: upcoming ones, and with
    /// "ledige" only those one can still sign up for.
    /// </summary>
    public static IReadOnlyList<CatalogueEntry> Filter(PublishedSite site, CourseFilter filter, DateTime nowUtc)
    {
        var words = filter.Text is null
            ? []
            : PublishedCourse.Fold(filter.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new List<CatalogueEntry>();
        foreach (var item in site.Courses)
        {
            var course = item.Course!;
            if (filter.Audience is { } audience && course.Details.Audience != audience && course.Details.Audience != Audience.Alle)
            {
                continue;
            }

            if (filter.Forvaltning is { } forvaltning && course.Details.Forvaltning != forvaltning)
            {
                continue;
            }

            if (filter.BearingKey is { } bearing && !course.Details.BearingKeys.Contains(bearing, StringComparer.Ordinal))
            {
                continue;
            }

            if (words.Length > 0 && !words.All(w => course.SearchText.Contains(w, StringComparison.Ordinal)))
            {
                continue;
            }

            var dates = course.Dates.Where(d => filter.FreeSeatsOnly ? d.IsBookable(nowUtc) : d.IsUpcoming(nowUtc)).ToList();
            if ((filter.UpcomingOnly || filter.FreeSeatsOnly) && dates.Count == 0)
            {
                continue;
            }

            result.Add(new CatalogueEntry(item, course, filter.FreeSeatsOnly ? dates[0] : course.NextDate(nowUtc), dates));
        }

        return result
            .OrderBy(e => e.NextDate is null)
            .ThenBy(e => e.NextDate?.StartsAt)
            .ThenBy(e => e.Item.Title, PortalCulture.DanishOrder)
            .ToList();
    }
}
