using Medarbejdergrundlag.Content.Checks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// Every published text's findings, worst first. The report belongs to the published snapshot and
/// is computed once per snapshot (<see cref="ContentChecker.SiteReportAsync"/>), so opening this
/// page again, or any public page, checks nothing.
/// </summary>
public sealed class IndholdstjekModel(ContentChecker checker) : PageModel
{
    public SiteCheckReport Report { get; private set; } = default!;

    public ContentCheckOptions Options => checker.Options;

    public async Task OnGetAsync() => Report = await checker.SiteReportAsync();

    public static string SeverityText(FindingSeverity severity) =>
        severity == FindingSeverity.Blocking ? "Skal rettes" : "Advarsel";
}
