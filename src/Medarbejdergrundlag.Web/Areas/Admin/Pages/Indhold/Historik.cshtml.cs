using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

public sealed class HistorikModel(ContentDbContext db, ContentEditor editor) : PageModel
{
    public ContentItem Item { get; private set; } = default!;

    public IReadOnlyList<ContentRevision> Revisions { get; private set; } = [];

    /// <summary>What happened to the item without a new version: reviews, schedules (newest first).</summary>
    public IReadOnlyList<AuditEntry> Events { get; private set; } = [];

    private static readonly AuditAction[] EventActions =
        [AuditAction.Reviewed, AuditAction.ReviewChanged, AuditAction.Scheduled, AuditAction.ScheduleCancelled, AuditAction.ScheduleFailed];

    [BindProperty(SupportsGet = true, Name = "fra")]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "til")]
    public int? To { get; set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        // By default: what the newest version changed.
        To ??= Revisions[^1].Number;
        From ??= Math.Max(1, To.Value - 1);
        var older = Revisions.SingleOrDefault(r => r.Number == From);
        var newer = Revisions.SingleOrDefault(r => r.Number == To);
        if (older is null || newer is null)
        {
            ModelState.AddModelError("", "Den version findes ikke. Vælg versioner fra listen.");
        }
        else
        {
            Diff = RevisionDiff.Compare(older, newer);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, int version)
    {
        var result = await editor.RestoreAsync(id, number, version, User.Editor());
        if (await this.OutcomeAsync(result, () =>
            {
                Message = $"Version {number} er gendannet som en ny kladde (version {result.Revision!.Number}). Se den efter, og udgiv den, når den er klar.";
                return RedirectToPage("Rediger", new { id });
            }, "En anden har gemt en ny version imens. Se historikken igen, før du gendanner.") is { } outcome)
        {
            return outcome;
        }

        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleOrDefaultAsync(i => i.Id == id);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Revisions = await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == id).OrderBy(r => r.Number).ToListAsync();
        Events = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ContentItemId == id && EventActions.Contains(a.Action))
            .OrderByDescending(a => a.Id).Take(100).ToListAsync();
        return true;
    }
}
