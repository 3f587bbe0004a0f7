using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>
/// An item's versions in one language: the Danish text's (the default), or with <c>?sprog=en</c> its
/// English translation's. The two languages share the version numbering, so each list, each diff and
/// each restore only ever takes versions of its own language.
/// </summary>
public sealed class HistorikModel(ContentDbContext db, ContentEditor editor, TranslationEditor translations) : PageModel
{
    public ContentItem Item { get; private set; } = default!;

    /// <summary>The versions in <see cref="Language"/>, oldest first.</summary>
    public IReadOnlyList<ContentRevision> Revisions { get; private set; } = [];

    /// <summary>True when the item has versions in the other language (a link to their history).</summary>
    public bool HasOtherLanguage { get; private set; }

    /// <summary>What happened to the item without a new version: reviews, schedules (newest first).</summary>
    public IReadOnlyList<AuditEntry> Events { get; private set; } = [];

    private static readonly AuditAction[] EventActions =
        [AuditAction.Reviewed, AuditAction.ReviewChanged, AuditAction.Scheduled, AuditAction.ScheduleCancelled, AuditAction.ScheduleFailed,
         AuditAction.ApprovalRequested, AuditAction.Approved, AuditAction.ApprovalReturned,
         AuditAction.ConsultationLinkCreated, AuditAction.ConsultationLinkRevoked, AuditAction.ConsultationCommented];

    private static readonly AuditAction[] EnglishEventActions = [AuditAction.TranslationUnpublished];

    /// <summary>"da" or "en", from <c>?sprog=</c> (or the restore form's field of that name).</summary>
    [BindProperty(SupportsGet = true, Name = EnglishPages.LanguageQuery)]
    public string? Language { get; set; }

    public bool English => Language == PortalCulture.EnglishCode;

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

        if (Revisions.Count == 0)
        {
            return Page();
        }

        // By default: what the newest version in this language changed, from the one before it in the same language.
        To ??= Revisions[^1].Number;
        var newer = Revisions.SingleOrDefault(r => r.Number == To);
        From ??= newer is null ? null : Revisions.LastOrDefault(r => r.Number < newer.Number)?.Number ?? newer.Number;
        var older = Revisions.SingleOrDefault(r => r.Number == From);
        if (older is null || newer is null)
        {
            ModelState.AddModelError("", English
                ? "Den version findes ikke blandt oversættelsens versioner. Vælg versioner fra listen."
                : "Den version findes ikke blandt den danske teksts versioner. Vælg versioner fra listen.");
        }
        else
        {
            Diff = RevisionDiff.Compare(older, newer);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, int version)
    {
        var result = English
            ? await translations.RestoreAsync(id, number, version, User.Editor())
            : await editor.RestoreAsync(id, number, version, User.Editor());
        if (await this.OutcomeAsync(result, () =>
            {
                if (English)
                {
                    Message = $"Engelsk version {number} er gendannet som en ny kladde til oversættelsen (engelsk version {result.Revision!.Number}). Se den efter, og udgiv den, når den er klar.";
                    return RedirectToPage("Oversaettelse", new { id });
                }

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

        Language = English ? PortalCulture.EnglishCode : PortalCulture.DanishCode;
        Item = item;
        var all = await db.Revisions.AsNoTracking().Where(r => r.ContentItemId == id).OrderBy(r => r.Number).ToListAsync();
        Revisions = all.Where(r => r.Language == Language).ToList();
        HasOtherLanguage = all.Count > Revisions.Count;
        var actions = English ? EnglishEventActions : EventActions;
        Events = await db.AuditEntries.AsNoTracking()
            .Where(a => a.ContentItemId == id && actions.Contains(a.Action))
            .OrderByDescending(a => a.Id).Take(100).ToListAsync();
        return true;
    }
}
