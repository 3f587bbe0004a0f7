using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Search;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages;

/// <summary>
/// Search across everything published. Reads the index of the current snapshot, so a publish
/// (which invalidates the snapshot) is findable on the next request. Any query gives a 200 page.
/// </summary>
[WholePageCache]
public sealed class SoegModel(PublishedContentStore content) : PageModel
{
    public SearchResults Results { get; private set; } = default!;

    /// <summary>What the person typed, as typed, to put back in the search field.</summary>
    public string Typed { get; private set; } = "";

    public async Task OnGetAsync(string? q)
    {
        Typed = q ?? "";
        Results = (await content.GetAsync()).Search.Search(q);
        // Counted by insight each time the page is served, from the cache too (WholePageCache).
        HttpContext.Items[Insight.InsightRequests.SearchItem] = new Insight.SearchSeen(Typed, Results.Total);
    }
}
