namespace Medarbejdergrundlag.Web.Insight;

/// <summary>
/// Which served pages insight counts: a person's GET, not a HEAD, not a browser's prefetch or
/// prerender (<c>Sec-Purpose</c>, <c>Purpose</c>, <c>X-Moz</c>) and not a crawler. Read from the
/// request's headers only; nothing of them is kept.
/// </summary>
public static class InsightRequests
{
    /// <summary>HttpContext.Items key: the search a page showed (<see cref="SearchSeen"/>), kept with the cached page.</summary>
    public const string SearchItem = "mg.insight.search";

    private static readonly string[] Robots = ["bot", "crawl", "spider", "slurp", "facebookexternalhit", "preview", "monitor"];

    public static bool Countable(HttpRequest request) => HttpMethods.IsGet(request.Method) && FromPerson(request);

    /// <summary>Whether a person, not a prefetch or a crawler, made the request (whatever its method).</summary>
    public static bool FromPerson(HttpRequest request)
    {
        var headers = request.Headers;
        if (IsPrefetch(headers["Sec-Purpose"]) || IsPrefetch(headers["Purpose"]) || IsPrefetch(headers["X-Moz"]))
        {
            return false;
        }

        var agent = headers.UserAgent.ToString();
        foreach (var robot in Robots)
        {
            if (agent.Contains(robot, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPrefetch(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (value.ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase) || value.ToString().Contains("prerender", StringComparison.OrdinalIgnoreCase));
}

/// <summary>A search a page showed: what was typed and how many results it found.</summary>
public sealed record SearchSeen(string Query, int Results);
