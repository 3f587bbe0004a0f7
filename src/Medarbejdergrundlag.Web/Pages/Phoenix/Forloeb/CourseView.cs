using Medarbejdergrundlag.Content;
using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb;

/// <summary>A course with what its page shows: the bearings it trains and the dates still offered.</summary>
public sealed partial record CourseView(PublishedItem Item, PublishedCourse Course, IReadOnlyList<PublishedItem> Bearings, IReadOnlyList<PublishedCourseDate> UpcomingDates)
{

    public static CourseView For(PublishedSite site, PublishedItem item, DateTime nowUtc) => new(
        item,
        item.Course!,
        site.Bearings.Where(b => item.Course!.Details.BearingKeys.Contains(b.Key, StringComparer.Ordinal)).ToList(),
        item.Course!.UpcomingDates(nowUtc).ToList());

    /// <summary>
    /// "tirsdag 24. marts 2027 kl. 09.00–16.00" or, on the English pages, "Tuesday 24 March 2027,
    /// 09:00–16:00": in Copenhagen time either way.
    /// </summary>
    public static string When(PublishedCourseDate date)
    {
        var start = date.StartsAt.ToCopenhagen();
        var end = date.EndsAt.ToCopenhagen();
        var english = PortalCulture.CurrentLanguage == PortalCulture.EnglishCode;
        if (date.Days.Count > 1)
        {
            // "2 dage: tirsdag 24. marts 2027 og onsdag 25. marts 2027, kl. 09.00–15.30 hver dag".
            var culture = english ? PortalCulture.English : PortalCulture.Danish;
            var days = date.Days.Select(d => d.ToString(english ? "dddd d MMMM yyyy" : "dddd d. MMMM yyyy", culture)).ToList();
            var and = english ? " and " : " og ";
            var list = days.Count == 2 ? string.Join(and, days) : string.Join(", ", days[..^1]) + and + days[^1];
            return english
                ? $"{days.Count} days: {list}, {start.ToString("HH:mm", culture)}–{end.ToString("HH:mm", culture)} each day"
                : $"{days.Count} dage: {list}, kl. {start.ToString("HH.mm", culture)}–{end.ToString("HH.mm", culture)} hver dag";
        }

        if (english)
        {
            const string format = "dddd d MMMM yyyy, HH:mm";
            return start.Date == end.Date
                ? $"{start.ToString(format, PortalCulture.English)}–{end.ToString("HH:mm", PortalCulture.English)}"
                : $"{start.ToString(format, PortalCulture.English)} to {end.ToString(format, PortalCulture.English)}";
        }

        return start.Date == end.Date
            ? $"{start.ToString("dddd d. MMMM yyyy 'kl.' HH.mm", PortalCulture.Danish)}–{end.ToString("HH.mm", PortalCulture.Danish)}"
            : $"{start.ToString("dddd d. MMMM yyyy 'kl.' HH.mm", PortalCulture.Danish)} til {end.ToString("dddd d. MMMM yyyy 'kl.' HH.mm", PortalCulture.Danish)}";
    }

    /// <summary>
    /// A contact in words cut at its Danish phone numbers ("6551 0000", "65 51 00 00", "+45 65510000"):
    /// each number with its tel: link, the words between without one.
    /// </summary>
    public static IEnumerable<(string Text, string? Tel)> PhoneLinks(string text)
    {
        var at = 0;
        foreach (System.Text.RegularExpressions.Match match in PhoneNumber().Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], null);
            }

            var digits = new string(match.Value.Where(char.IsAsciiDigit).ToArray());
            yield return (match.Value, "tel:+45" + digits[^8..]);
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            yield return (text[at..], null);
        }
    }

    /// <summary>The words, encoded, with each phone number in them a <c>tel:</c> link of class "phone".</summary>
    public static Microsoft.AspNetCore.Html.IHtmlContent WithPhoneLinks(string text)
    {
        var html = new Microsoft.AspNetCore.Html.HtmlContentBuilder();
        foreach (var (part, tel) in PhoneLinks(text))
        {
            if (tel is null)
            {
                html.Append(part);
            }
            else
            {
                html.AppendHtml("<a class=\"phone\" href=\"").Append(tel).AppendHtml("\">").Append(part).AppendHtml("</a>");
            }
        }

        return html;
    }

    /// <summary>Eight digits, grouped by spaces as Danes write them, with or without +45; not inside a longer number.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\d+])(?:\+45 ?)?(?:\d{2} ?\d{2} ?\d{2} ?\d{2})(?!\d)")]
    private static partial System.Text.RegularExpressions.Regex PhoneNumber();

    /// <summary>What a date's status says to a reader, in the page's language.</summary>
    public static string Availability(IStringLocalizer t, PublishedCourseDate date) =>
        date.IsCancelled ? t["Aflyst"]
        : date.IsFull ? t["Fuldt booket"]
        : date.FreeSeats is { } free ? (free == 1 ? t["1 ledig plads"] : t["{0} ledige pladser", free])
        : t["Ledige pladser"];

    /// <summary>A course's length: "2,5 dage" or "2.5 days".</summary>
    public static string Length(IStringLocalizer t, decimal days) =>
        days == 1 ? t["1 dag"] : t["{0} dage", days.ToString("0.#", CultureInfo.CurrentCulture)];

    /// <summary>An audience or a forvaltning by its Danish name, in the page's language.</summary>
    public static string Term(IStringLocalizer t, Audience audience) => t[CourseTerms.Name(audience)];

    public static string Term(IStringLocalizer t, Forvaltning forvaltning) => t[CourseTerms.Name(forvaltning)];

    public static string AvailabilityClass(PublishedCourseDate date) =>
        date.IsCancelled ? "status status--cancelled" : date.IsFull ? "status status--full" : "status status--open";
}
