using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>One address to visit, the page route it belongs to, and what it should answer.</summary>
public sealed record PortalPage(string Path, string Route, bool Anonymous, int ExpectedStatus = 200)
{
    public override string ToString() => Path;
}

/// <summary>
/// Every page of the portal, taken from the app's own endpoints, so that a new Razor page is
/// tested without anyone adding it to a list. Routes with parameters are filled with the
/// addresses the app itself links to (found by following links from the other pages), plus the
/// few values nothing links to (the error pages).
/// </summary>
public sealed partial class PageCatalog
{
    private const int MaxPerRoute = 8;
    private const int MaxCrawl = 250;

    // Pages nothing links to, by route: the error page is reached by re-execution, not by links.
    private static readonly Dictionary<string, string[]> KnownValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fejl/{statusCode:int}"] = ["/fejl/403", "/fejl/404", "/fejl/500"],
    };

    private PageCatalog(IReadOnlyList<PortalPage> pages, IReadOnlyList<PortalPage> files, IReadOnlyList<string> routes, IReadOnlyList<string> unfilled)
    {
        Pages = pages;
        Files = files;
        Routes = routes;
        UnfilledRoutes = unfilled;
    }

    /// <summary>The addresses that answer with an HTML document: what axe and the watcher check.</summary>
    public IReadOnlyList<PortalPage> Pages { get; }

    /// <summary>Page routes that answer with a file to download (calendar files), found the same way.</summary>
    public IReadOnlyList<PortalPage> Files { get; }

    /// <summary>Every page route the app has, e.g. "pejlemaerker/{slug}".</summary>
    public IReadOnlyList<string> Routes { get; }

    /// <summary>Routes with parameters for which no address was found: a test fails on these.</summary>
    public IReadOnlyList<string> UnfilledRoutes { get; }

    public IEnumerable<PortalPage> AnonymousPages => Pages.Where(p => p.Anonymous);

    public static async Task<PageCatalog> DiscoverAsync(PortalFactory server, IAPIRequestContext signedInAsEditor)
    {
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Pages, and the calendar files, which are endpoints of their own.
            .Where(e => (e.Metadata.GetMetadata<PageActionDescriptor>() is not null || e.RoutePattern.RawText!.EndsWith(".ics", StringComparison.Ordinal)) && AnswersGet(e))
            // A page may have two routes ("admin" and "admin/Index"); one address per page file and
            // language is enough (a public page's English twin is under "en/").
            .GroupBy(e => (e.Metadata.GetMetadata<PageActionDescriptor>()?.RelativePath ?? e.RoutePattern.RawText,
                English: e.RoutePattern.RawText is { } raw && (raw == "en" || raw.StartsWith("en/", StringComparison.Ordinal))))
            .Select(g => g.OrderBy(e => e.RoutePattern.RawText?.Length ?? 0).First())
            .ToList();

        var routes = endpoints.Select(e => Normalize(e.RoutePattern.RawText)).ToList();
        var pages = new List<PortalPage>();
        var withParameters = new List<(RouteEndpoint Endpoint, string Route, TemplateMatcher Matcher)>();
        foreach (var endpoint in endpoints)
        {
            var route = Normalize(endpoint.RoutePattern.RawText);
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            if (endpoint.RoutePattern.Parameters.Count == 0)
            {
                pages.Add(new PortalPage("/" + route, route, anonymous));
            }
            else if (route == ConsultationRoute)
            {
                var (open, gone) = await ConsultationLinksAsync(server);
                pages.Add(new PortalPage(open, route, anonymous));
                pages.Add(new PortalPage(gone, route, anonymous, ExpectedStatus: 410));
            }
            else if (KnownValues.TryGetValue(route, out var paths))
            {
                pages.AddRange(paths.Select(p => new PortalPage(p, route, anonymous, int.Parse(p[(p.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture))));
            }
            else
            {
                withParameters.Add((endpoint, route, new TemplateMatcher(TemplateParser.Parse(route), new RouteValueDictionary())));
            }
        }

        // Follow the links of every page to find addresses for the routes with parameters. Past
        // MaxPerRoute, links wait in reserve: they are fetched only while some route has no address
        // yet, and a reserve page that leads to such a route is kept too (the course among the
        // admin's content items: only its edit page links to the dates' pages).
        var found = withParameters.ToDictionary(w => w.Route, _ => new List<string>());
        var files = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<string>(pages.Select(p => p.Path));
        var reserve = new Queue<(string Path, string Route)>();
        var seen = new HashSet<string>(queue, StringComparer.OrdinalIgnoreCase);
        var fetched = 0;

        void Consider(string link)
        {
            if (!seen.Add(link))
            {
                return;
            }

            var match = withParameters.FirstOrDefault(w => w.Matcher.TryMatch(new PathString(link), new RouteValueDictionary()));
            if (match.Route is null)
            {
                return;
            }

            if (found[match.Route].Count < MaxPerRoute)
            {
                found[match.Route].Add(link);
                queue.Enqueue(link);
            }
            else
            {
                reserve.Enqueue((link, match.Route));
            }
        }

        int Unfilled() => found.Count(f => f.Value.Count == 0);

        while (fetched < MaxCrawl)
        {
            string path;
            string? reserveRoute = null;
            if (queue.Count > 0)
            {
                path = queue.Dequeue();
            }
            else if (reserve.Count > 0 && Unfilled() > 0)
            {
                (path, reserveRoute) = reserve.Dequeue();
            }
            else
            {
                break;
            }

            fetched++;
            var response = await signedInAsEditor.GetAsync(server.Url(path));
            if (!response.Ok)
            {
                continue;
            }

            if (!(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                // A download (a calendar file): there is no document for axe or the watcher to look at.
                files.Add(path);
                continue;
            }

            var unfilledBefore = Unfilled();
            foreach (var link in LocalLinks(await response.TextAsync()))
            {
                Consider(link);
            }

            if (reserveRoute is not null && Unfilled() < unfilledBefore)
            {
                found[reserveRoute].Add(path);
            }
        }

        foreach (var (endpoint, route, _) in withParameters)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            pages.AddRange(found[route].Select(p => new PortalPage(p, route, anonymous)));
        }

        // Any unknown address shows the Danish 404 page, to signed-in readers (strangers are sent to sign in first).
        pages.Add(new PortalPage("/findes-ikke-" + Guid.NewGuid().ToString("N")[..8], "(ukendt adresse)", Anonymous: false, ExpectedStatus: 404));

        var unfilled = withParameters.Where(w => found[w.Route].Count == 0).Select(w => w.Route).ToList();
        return new PageCatalog(
            pages.Where(p => !files.Contains(p.Path)).ToList(),
            pages.Where(p => files.Contains(p.Path)).ToList(),
            routes,
            unfilled);
    }

    private const string ConsultationRoute = "hoering/{token}";

    /// <summary>
    /// Consultation links (issue 27) are linked from nowhere and their tokens are stored only as hashes:
    /// make one open link to a draft of a charter section no journey publishes (a journey's "Gem og udgiv"
    /// would publish the draft with its own change), and one revoked (the 410 page).
    /// </summary>
    private static async Task<(string Open, string Gone)> ConsultationLinksAsync(PortalFactory server)
    {
        using var scope = server.Services.CreateScope();
        var services = scope.ServiceProvider;
        var editor = services.GetRequiredService<Medarbejdergrundlag.Content.Editing.ContentEditor>();
        var db = services.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>();
        var id = db.Items.Where(i => i.Key == "saet-viden-og-kompetencer-i-spil").Select(i => i.Id).Single();
        var item = (await editor.FindAsync(id))!;
        var by = new Medarbejdergrundlag.Content.Editing.EditorRef("persona:hr-redaktoer", "Hanne HR-redaktør");
        if (!item.HasUnpublishedChanges)
        {
            var input = Medarbejdergrundlag.Content.Editing.RevisionInput.From(item.CurrentRevision!);
            await editor.SaveDraftAsync(id, item.Version, input with { Body = input.Body + "\n\nEt udkast i høring.", ChangeNote = "Høringsudkast" }, by);
            item = (await editor.FindAsync(id))!;
        }

        var links = services.GetRequiredService<Medarbejdergrundlag.Content.Approvals.Consultations>();
        var (_, open) = await links.CreateAsync(id, item.CurrentRevision!.Number, null, by);
        var (_, gone) = await links.CreateAsync(id, item.CurrentRevision.Number, null, by);
        var goneId = (await links.ForItemAsync(id)).First().Id;
        await links.RevokeAsync(id, goneId, by);
        return ("/hoering/" + open, "/hoering/" + gone);
    }

    private static bool AnswersGet(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods
        || methods.HttpMethods.Count == 0
        || methods.HttpMethods.Contains("GET", StringComparer.OrdinalIgnoreCase);

    private static string Normalize(string? raw) => (raw ?? "").Trim('/');

    /// <summary>Same-origin paths of the page's links, without query and fragment.</summary>
    private static IEnumerable<string> LocalLinks(string html) =>
        HrefPattern().Matches(html)
            .Select(m => m.Groups[1].Value)
            .Where(href => href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal))
            .Select(href => href.Split('#', '?')[0])
            .Where(path => path.Length > 0)
            .Distinct();

    [GeneratedRegex("<a\\s[^>]*href=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();
}
