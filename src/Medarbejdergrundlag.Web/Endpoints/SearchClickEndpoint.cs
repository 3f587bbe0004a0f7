using System.Globalization;
using Medarbejdergrundlag.Content.Insight;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Insight;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// Which search result a reader followed, by position: the search page's script sends it with
/// <c>navigator.sendBeacon</c> as the link is followed, so the result links stay the pages' own
/// addresses. The query is redacted and counted like a search (<see cref="InsightCounter.Click"/>);
/// who clicked is not read, let alone kept. A position the query's results do not have, or no query,
/// is refused with 400 and counts nothing. Form-bound, so the antiforgery middleware refuses a post
/// without the reader's token before this runs.
/// </summary>
public static class SearchClickEndpoint
{
    public static async Task<Results<NoContent, BadRequest<string>>> ClickAsync(
        [FromForm] string? q, [FromForm] string? position, HttpContext http, PublishedContentStore content, InsightCounter insight,
        IOptionsMonitor<InsightOptions> options)
    {
        if (QueryRedaction.Normalize(q) is null)
        {
            return TypedResults.BadRequest("Søgningen mangler.");
        }

        // The same search the page showed (remembered by the index, so this is no new search): the
        // position must be one of its results.
        var results = (await content.GetAsync()).Search.Search(q);
        if (!int.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var at) || at < 1 || at > results.Hits.Count)
        {
            return TypedResults.BadRequest("Placeringen findes ikke blandt søgningens resultater.");
        }

        if (options.CurrentValue.Enabled && InsightRequests.FromPerson(http.Request))
        {
            insight.Click(q, at);
        }

        return TypedResults.NoContent();
    }
}
