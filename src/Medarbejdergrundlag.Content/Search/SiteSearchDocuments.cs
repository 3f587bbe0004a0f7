using System.Net;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Search;

/// <summary>
/// What the published site offers to search, each with the URL and anchor it is read at.
/// A new kind of content is one more method here, added to <see cref="From"/>.
/// </summary>
public static partial class SiteSearchDocuments
{
    public static IEnumerable<SearchDocument> From(PublishedSite site) =>
        Charter(site).Concat(Bearings(site)).Concat(Phoenix(site)).Concat(Courses(site));

    /// <summary>Published courses (forløb) with their summary, description and who they are for.</summary>
    private static IEnumerable<SearchDocument> Courses(PublishedSite site) =>
        site.Courses.Select(c => new SearchDocument(
            c.Title,
            PortalPaths.Course(c.Slug),
            "Phønix-forløb",
            Collapse($"{c.PlainText} {CourseTerms.Name(c.Course!.Details.Audience)} {CourseTerms.Name(c.Course.Details.Forvaltning)}")) { Language = c.Language });

    private static IEnumerable<SearchDocument> Charter(PublishedSite site) =>
        site.CharterSections.Select(s => new SearchDocument(s.Title, PortalPaths.CharterSection(s.Key), "Medarbejdergrundlaget", Collapse(s.PlainText)) { Language = s.Language })
            .Concat(site.Legs.Select(l => new SearchDocument(l.Title, PortalPaths.CharterSection(l.Key), "Medarbejdergrundlagets ben", Collapse(l.PlainText)) { Language = l.Language }));

    private static IEnumerable<SearchDocument> Bearings(PublishedSite site) =>
        site.Bearings.Select(b => new SearchDocument(b.Title, PortalPaths.Bearing(b.Slug), "Pejlemærke", Collapse(b.PlainText)) { Language = b.Language });

    /// <summary>
    /// The Phønix page is long, so each of its h2 sections is a document of its own that links
    /// to the heading's id; the lead and any text before the first heading link to the page.
    /// </summary>
    private static IEnumerable<SearchDocument> Phoenix(PublishedSite site)
    {
        if (site.Phoenix is not { } phoenix)
        {
            yield break;
        }

        var body = phoenix.BodyHtml;
        var headings = H2().Matches(body);
        var intro = headings.Count > 0 ? body[..headings[0].Index] : body;
        yield return new SearchDocument(phoenix.Title, PortalPaths.Phoenix, "Phønix", Collapse(TextOf(phoenix.LeadHtml) + " " + TextOf(intro))) { Language = phoenix.Language };

        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + headings[i].Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : body.Length;
            yield return new SearchDocument(
                Collapse(TextOf(headings[i].Groups["title"].Value)),
                PortalPaths.Phoenix + "#" + WebUtility.HtmlDecode(headings[i].Groups["id"].Value),
                phoenix.Title,
                Collapse(TextOf(body[start..end]))) { Language = phoenix.Language };
        }
    }

    /// <summary>Plain text of HTML that our own Markdown renderer made: tags become spaces, entities are decoded.</summary>
    private static string TextOf(string html) => WebUtility.HtmlDecode(Tag().Replace(html, " "));

    private static string Collapse(string text) => WithoutRepeatedStart(Whitespace().Replace(text, " ").Trim());

    /// <summary>
    /// A lead that the body begins with (three charter sections do) is said once: the plain text is
    /// lead then body, and a snippet of its start would read the same sentence twice (issue 31).
    /// </summary>
    public static string WithoutRepeatedStart(string text)
    {
        for (var i = Math.Min(text.Length / 2, 1000); i >= 12; i--)
        {
            if (text[i] == ' ' && text.AsSpan(i + 1).StartsWith(text.AsSpan(0, i), StringComparison.Ordinal))
            {
                return text[(i + 1)..];
            }
        }

        return text;
    }

    [GeneratedRegex("<h2 id=\"(?<id>[^\"]+)\"[^>]*>(?<title>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex H2();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
