using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>
/// The published site as the link checks see it: which addresses answer, which anchors each
/// content page has, and the old addresses that redirect. Built once from a published snapshot
/// (<see cref="PublishedSite"/>), never from the database, so checking asks nothing per link.
/// </summary>
public sealed class SiteLinkMap
{
    /// <summary>Pages that are not content items but always answer. Their anchors are not checked.</summary>
    private static readonly string[] FixedPages =
    [
        "/", "/pejlemaerker", "/phoenix/forloeb", "/phoenix/forloeb/kalender.ics", "/soeg", "/til-ledere", "/til-ledere/ark",
        "/aendringer", "/aendringer/feed.atom", "/aendringer/siden-du-bekraeftede", "/konto/bekraeftelser",
        // The seed's text stands in when the statement is not published: the law wants one at all times.
        "/tilgaengelighed",
    ];

    /// <summary>Areas that answer by their own rules (images, the editors' area): any path under them counts.</summary>
    private static readonly string[] FixedAreas = ["/billeder/", "/admin"];

    /// <summary>The charter page's own ids around its sections (Pages/Shared/_Charter.cshtml).</summary>
    private static readonly string[] CharterPageIds = ["toc-heading", "to-ben", "to-ben-title", "pejlemaerkerne", "pejlemaerkerne-title", "bekraeft"];

    private static readonly HtmlParser Parser = new();

    private static readonly string CharterPath = PortalCulture.In(PortalCulture.DanishCode, () => PortalPaths.Charter);

    private readonly Dictionary<string, HashSet<string>?> _danish;
    private readonly Dictionary<string, HashSet<string>?> _english;
    private readonly Func<string, string?> _bearingRedirect;
    private readonly Func<string, string?> _courseRedirect;

    private SiteLinkMap(
        Dictionary<string, HashSet<string>?> danish,
        Dictionary<string, HashSet<string>?> english,
        Func<string, string?> bearingRedirect,
        Func<string, string?> courseRedirect)
    {
        _danish = danish;
        _english = english;
        _bearingRedirect = bearingRedirect;
        _courseRedirect = courseRedirect;
    }

    /// <summary>
    /// The map of a published site. <paramref name="draft"/>, if given, stands in for its item's
    /// published text (or is added), so a draft's links to its own new headings count, and its
    /// removed headings do not. <paramref name="english"/> gives the English pages' anchors;
    /// without it, English addresses resolve as their Danish twins do.
    /// </summary>
    /// <param name="without">An item left out in both languages, as if it were archived.</param>
    public static SiteLinkMap Build(PublishedSite danish, PublishedSite? english = null, PublishedItem? draft = null, int? without = null)
    {
        var danishItems = Replace(Without(danish.Items, without), draft is { Language: PortalCulture.DanishCode } ? draft : null);
        var englishItems = english is null ? null : Replace(Without(english.Items, without), draft is { Language: PortalCulture.EnglishCode } ? draft : null);
        var danishPages = Pages(danishItems);

        // A renamed page keeps its old address: publishing makes it redirect to the new one.
        if (draft is { Language: PortalCulture.DanishCode } && ContentKinds.Of(draft.Kind).HasOwnAddress
            && danish.Items.FirstOrDefault(i => i.Id == draft.Id) is { } published
            && PathOf(published) is var oldPath && oldPath != PathOf(draft)
            && danishPages.TryGetValue(PathOf(draft), out var moved))
        {
            danishPages.TryAdd(oldPath, moved);
        }

        return new SiteLinkMap(
            danishPages,
            englishItems is null ? danishPages : Pages(englishItems),
            danish.BearingRedirect,
            danish.CourseRedirect);
    }

    /// <summary>The page an item is shown on (its Danish address).</summary>
    public static string PathOf(PublishedItem item) =>
        PortalCulture.In(PortalCulture.DanishCode, () => PortalPaths.Of(item.Kind, item.Key, item.Slug)) is var path && path.IndexOf('#', StringComparison.Ordinal) is var hash and >= 0
            ? path[..hash]
            : path;

    /// <summary>
    /// What a site path leads to: <see cref="LinkTarget.Missing"/>, or a page with its anchors
    /// (null when the page's anchors are not known, such as the search page).
    /// </summary>
    public LinkTarget Resolve(string path)
    {
        var pages = _danish;
        if (path.Equals(PortalPaths.EnglishPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(PortalPaths.EnglishPrefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            pages = _english;
            path = path.Length == PortalPaths.EnglishPrefix.Length ? "/" : path[PortalPaths.EnglishPrefix.Length..];
        }

        if (path.Length > 1)
        {
            path = path.TrimEnd('/');
        }

        if (pages.TryGetValue(path, out var anchors))
        {
            return new LinkTarget(true, anchors);
        }

        if (FixedPages.Contains(path, StringComparer.OrdinalIgnoreCase)
            || FixedAreas.Any(a => path.StartsWith(a, StringComparison.OrdinalIgnoreCase) || path.Equals(a.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
        {
            return new LinkTarget(true, null);
        }

        // A renamed bearing or course: its old address redirects to the new one.
        var redirected = Redirect(path, "/pejlemaerker/", _bearingRedirect) ?? Redirect(path, "/phoenix/forloeb/", _courseRedirect);
        if (redirected is not null && pages.TryGetValue(redirected, out var redirectedAnchors))
        {
            return new LinkTarget(true, redirectedAnchors);
        }

        return LinkTarget.Missing;
    }

    private static string? Redirect(string path, string prefix, Func<string, string?> lookup)
    {
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || path.AsSpan(prefix.Length).Contains('/'))
        {
            return null;
        }

        return lookup(path[prefix.Length..]) is { } slug ? prefix + slug : null;
    }

    private static IReadOnlyList<PublishedItem> Without(IReadOnlyList<PublishedItem> items, int? id) =>
        id is null ? items : items.Where(i => i.Id != id).ToList();

    private static List<PublishedItem> Replace(IReadOnlyList<PublishedItem> items, PublishedItem? draft) =>
        draft is null ? items.ToList() : items.Where(i => i.Id != draft.Id).Append(draft).ToList();

    private static Dictionary<string, HashSet<string>?> Pages(IReadOnlyList<PublishedItem> items)
    {
        var pages = new Dictionary<string, HashSet<string>?>(StringComparer.OrdinalIgnoreCase);
        var charter = new HashSet<string>(CharterPageIds, StringComparer.Ordinal);
        pages[CharterPath] = charter;
        foreach (var item in items)
        {
            var ids = IdsIn(item.BodyHtml);
            switch (item.Kind)
            {
                case ContentKind.CharterSection or ContentKind.Leg:
                    charter.Add(item.Key);
                    charter.Add(item.Key + "-title");
                    charter.UnionWith(ids);
                    continue;
                case ContentKind.Bearing:
                    // A bearing has its own page, and its text is on the charter page too.
                    charter.Add(item.Key);
                    charter.Add(item.Key + "-title");
                    charter.UnionWith(ids);
                    ids.Add(item.Key);
                    ids.Add("bearing-title");
                    break;
            }

            var path = PathOf(item);
            if (pages.TryGetValue(path, out var existing) && existing is not null)
            {
                existing.UnionWith(ids);
            }
            else
            {
                pages[path] = ids;
            }
        }

        foreach (var anchors in pages.Values)
        {
            // Every page's main content (the skip link's target).
            anchors?.Add("indhold");
        }

        return pages;
    }

    /// <summary>
    /// The ids in a text's HTML, as a set of the caller's own. A published snapshot's texts are the same
    /// string instances from one map to the next, so each is parsed once (an editor's page builds a map
    /// or three per request, over every published text).
    /// </summary>
    private static HashSet<string> IdsIn(string html) =>
        html.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(ParsedIds.GetValue(html, Parse), StringComparer.Ordinal);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string[]> ParsedIds = new();

    private static string[] Parse(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.QuerySelectorAll("[id]").Select(e => e.Id!).Distinct(StringComparer.Ordinal).ToArray();
    }
}

/// <summary>Where a link leads: whether the page answers, and its anchors if they are known.</summary>
public sealed record LinkTarget(bool Exists, IReadOnlySet<string>? Anchors)
{
    public static readonly LinkTarget Missing = new(false, null);
}
