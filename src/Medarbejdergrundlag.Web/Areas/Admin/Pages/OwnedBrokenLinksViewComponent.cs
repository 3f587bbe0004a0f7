using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// On the overview: the signed-in editor's own published texts (they are its owner) with links that
/// lead nowhere, as when another editor archived or renamed what they link to. From the content
/// checks' site report, which is computed once per published snapshot.
/// </summary>
public sealed class OwnedBrokenLinksViewComponent(ContentChecker checker, ContentDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var report = await checker.SiteReportAsync();
        var broken = report.Items
            .Where(i => i.Result.Findings.Any(f => f.RuleId is CheckRules.BrokenLink or CheckRules.BrokenAnchor))
            .ToList();
        if (broken.Count == 0)
        {
            return View(Array.Empty<ItemCheck>());
        }

        var me = ((System.Security.Claims.ClaimsPrincipal)User).Editor().Id;
        var ids = broken.Select(i => i.Item.Id).Distinct().ToList();
        var mine = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id) && i.OwnerId == me).Select(i => i.Id).ToListAsync();
        return View(broken.Where(i => mine.Contains(i.Item.Id)).ToList());
    }
}
