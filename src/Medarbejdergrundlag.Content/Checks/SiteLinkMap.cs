using System.Runtime.CompilerServices;
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
    private static readonly string[] FixedAreas = ["/billeder/", "/admin/"];

    /// <summary>The charter page's own ids around its sections (Pages/Shared/_Charter.cshtml).</summary>
    private static readonly string[] CharterPageIds = ["toc-heading", "to-ben", "to-ben-title", "pejlemaerkerne", "pejlemaerkerne-title", "bekraeft"];

    private static readonly HtmlParser Parser = new();

    /// <summary>The charter page's Danish address: every section, leg and bearing is shown on it.</summary>
    internal static readonly string CharterPath = PortalCulture.In(PortalCulture.DanishCode, () => PortalPaths.Charter);

    private readonly Pages _danish;
    private readonly Pages _english;
    private readonly Func<string, string?> _bearingRedirect;
    private readonly Func<string, string?> _courseRedirect;

    private SiteLinkMap(Pages danish, Pages english, Func<string, string?> bearingRedirect, Func<string, string?> courseRedirect)
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
    /// <remarks>
    /// The published site's own map is built once per pair of snapshots and kept with them. A draft or
    /// an item left out changes only the pages it is on, so those are worked out again and laid over
    /// the kept map: an editor's page with thousands of published texts does not go through them all.
    /// </remarks>
    /// <param name="without">An item left out in both languages, as if it were archived.</param>
    public static SiteLinkMap Build(PublishedSite danish, PublishedSite? english = null, PublishedItem? draft = null, int? without = null)
    {
        var published = Published(danish, english);
        if (draft is null && without is null)
        {
            return published;
        }

        var danishDraft = draft is { Language: PortalCulture.DanishCode } ? draft : null;
        var danishPages = published._danish.With(Changed(danish.Items, danishDraft, without));
        // A renamed page keeps its old address: publishing makes it redirect to the new one.
        if (danishDraft is not null && ContentKinds.Of(danishDraft.Kind).HasOwnAddress
            && danish.Items.FirstOrDefault(i => i.Id == danishDraft.Id) is { } before
            && PathOf(before) is var oldPath && oldPath != PathOf(danishDraft)
            && danishPages.TryGetValue(PathOf(danishDraft), out var moved)
            && !danishPages.TryGetValue(oldPath, out _))
        {
            danishPages = danishPages.With(new Dictionary<string, HashSet<string>?>(StringComparer.OrdinalIgnoreCase) { [oldPath] = moved }, []);
        }

        var englishPages = english is null
            ? danishPages
            : published._english.With(Changed(english.Items, draft is { Language: PortalCulture.EnglishCode } ? draft : null, without));
        return new SiteLinkMap(danishPages, englishPages, danish.BearingRedirect, danish.CourseRedirect);
    }

    /// <summary>The map of the site as published, built once per pair of snapshots.</summary>
    private static SiteLinkMap Published(PublishedSite danish, PublishedSite? english)
    {
        if (PublishedMaps.TryGetValue(danish, out var kept) && ReferenceEquals(kept.English, english))
        {
            return kept.Map;
        }

        var danishPages = new Pages(PagesOf(danish.Items));
        var map = new SiteLinkMap(danishPages, english is null ? danishPages : new Pages(PagesOf(english.Items)), danish.BearingRedirect, danish.CourseRedirect);
        PublishedMaps.AddOrUpdate(danish, new KeptMap(english, map));
        return map;
    }

    private sealed record KeptMap(PublishedSite? English, SiteLinkMap Map);

    private static readonly ConditionalWeakTable<PublishedSite, KeptMap> PublishedMaps = new();

    /// <summary>
    /// The pages one language's change touches, worked out as <see cref="PagesOf"/> would on the changed
    /// items: the pages of the item before and after, and every other item on them. Null when nothing changes.
    /// </summary>
    private static (Dictionary<string, HashSet<string>?> Pages, HashSet<string> Touched)? Changed(IReadOnlyList<PublishedItem> items, PublishedItem? draft, int? without)
    {
        var id = draft?.Id ?? without;
        if (id is null)
        {
            return null;
        }

        var touched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items.Where(i => i.Id == id).Concat(draft is null ? Array.Empty<PublishedItem>() : [draft]))
        {
            touched.Add(PathOf(item));
            if (OnCharterPage(item.Kind))
            {
                touched.Add(CharterPath);
            }
        }

        var changed = items.Where(i => i.Id != id).Concat(draft is null ? Array.Empty<PublishedItem>() : [draft])
            .Where(i => touched.Contains(PathOf(i)) || (OnCharterPage(i.Kind) && touched.Contains(CharterPath)))
            .ToList();
        return (PagesOf(changed), touched);
    }

    /// <summary>Whether a kind's text is shown on the charter page (a bearing's on its own page too).</summary>
    internal static bool OnCharterPage(ContentKind kind) => kind is ContentKind.CharterSection or ContentKind.Leg or ContentKind.Bearing;

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

    private static Dictionary<string, HashSet<string>?> PagesOf(IReadOnlyList<PublishedItem> items)
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
    /// string instances from one snapshot's map to the next, so each is parsed once.
    /// </summary>
    private static HashSet<string> IdsIn(string html) =>
        html.Length == 0 ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(ParsedIds.GetValue(html, Parse), StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<string, string[]> ParsedIds = new();

    private static string[] Parse(string html)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        return document.QuerySelectorAll("[id]").Select(e => e.Id!).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A language's pages and their anchors: a kept map, with the pages a change touched laid over it.</summary>
    private sealed class Pages(Dictionary<string, HashSet<string>?> pages, Dictionary<string, HashSet<string>?>? over = null, HashSet<string>? gone = null)
    {
        public bool TryGetValue(string path, out HashSet<string>? anchors)
        {
            if (over is not null && over.TryGetValue(path, out anchors))
            {
                return true;
            }

            if (gone is not null && gone.Contains(path))
            {
                anchors = null;
                return false;
            }

            return pages.TryGetValue(path, out anchors);
        }

        /// <summary>
        /// These pages with <paramref name="change"/>'s touched pages replaced: by their new anchors,
        /// or gone when no item is on them any more (the charter page is always there).
        /// </summary>
        public Pages With((Dictionary<string, HashSet<string>?> Pages, HashSet<string> Touched)? change) =>
            change is not { } c ? this : With(c.Pages.Where(p => c.Touched.Contains(p.Key)).ToDictionary(StringComparer.OrdinalIgnoreCase), c.Touched);

        public Pages With(Dictionary<string, HashSet<string>?> replaced, IEnumerable<string> touched)
        {
            var overlay = over is null ? new Dictionary<string, HashSet<string>?>(StringComparer.OrdinalIgnoreCase) : new(over, StringComparer.OrdinalIgnoreCase);
            var removed = gone is null ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : new(gone, StringComparer.OrdinalIgnoreCase);
            foreach (var path in touched)
            {
                overlay.Remove(path);
                removed.Add(path);
            }

            foreach (var (path, anchors) in replaced)
            {
                overlay[path] = anchors;
                removed.Remove(path);
            }

            return new Pages(pages, overlay, removed);
        }
    }
}

/// <summary>Where a link leads: whether the page answers, and its anchors if they are known.</summary>
public sealed record LinkTarget(bool Exists, IReadOnlySet<string>? Anchors)
{
    public static readonly LinkTarget Missing = new(false, null);
}
