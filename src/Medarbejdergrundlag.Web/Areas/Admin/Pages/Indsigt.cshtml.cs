using Medarbejdergrundlag.Content.Insight;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>HR's insight: page views, searches and confirmation progress, all counts, none personal (docs/operations.md, "Insight").</summary>
public sealed class IndsigtModel(InsightReport report, IOptions<InsightOptions> options) : PageModel
{
    public InsightFigures Figures { get; private set; } = default!;

    public int MinimumQueryCount => options.Value.MinimumQueryCount;

    public bool Counting => options.Value.Enabled;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await report.GetAsync(cancellationToken);

    /// <summary>A figure as HR sees it: under 5 as "færre end 5".</summary>
    public static string Figure(long value) => InsightReport.Shown(value) is { } shown ? shown.ToString("N0", Medarbejdergrundlag.Content.PortalCulture.Danish) : $"færre end {InsightReport.Smallest}";

    public static string Trend(PageViews page) =>
        page.Last7 < InsightReport.Smallest && page.Previous7 < InsightReport.Smallest ? "For få visninger til en tendens"
        : page.Last7 > page.Previous7 * 1.2 ? "Flere end ugen før"
        : page.Last7 * 1.2 < page.Previous7 ? "Færre end ugen før"
        : "Som ugen før";
}
