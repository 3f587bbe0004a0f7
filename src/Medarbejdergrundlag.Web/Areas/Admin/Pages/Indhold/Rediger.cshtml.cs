using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

public sealed partial class RedigerModel(ContentEditor editor, ContentDbContext db, PublishSchedule schedule, ReviewEditor reviews, CourseExpiry expiry, ContentChecker checker, DraftChecks draftChecks) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public ContentItem Item { get; private set; } = default!;

    /// <summary>Set when someone else saved first: what they changed since this editor's starting point.</summary>
    public IReadOnlyList<DiffLine>? ConflictChanges { get; private set; }

    public ContentRevision? ConflictRevision { get; private set; }

    /// <summary>Courses only: the bearings to choose from and the course's dates.</summary>
    public IReadOnlyList<(string Key, string Title)> Bearings { get; private set; } = [];

    public IReadOnlyList<CourseDate> Dates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    /// <summary>The item's pending schedules and failed ones nobody has dealt with.</summary>
    public IReadOnlyList<ScheduledAction> Schedules { get; private set; } = [];

    /// <summary>Who the item can be given to, for the owner field.</summary>
    public IReadOnlyList<EditorRef> Editors { get; private set; } = [];

    public DateOnly ReviewBy { get; private set; }

    /// <summary>Courses kept after their last date: its end, the suggested time to take them off the site.</summary>
    public DateTime? LastDateEnds { get; private set; }

    /// <summary>Courses: where they stand with expiry after their last date.</summary>
    public CourseExpiryState? Expiry { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The content checks of the saved draft, as the publish gate sees it.</summary>
    public ContentCheckResult? Checks => DraftCheck?.Result;

    /// <summary>The saved draft's findings and the published texts whose links its publish would break.</summary>
    public DraftCheck? DraftCheck { get; private set; }

    /// <summary>Published, not archived: the published texts whose links archiving would break.</summary>
    public IReadOnlyList<BrokenInbound> ArchiveBreaksLinksIn { get; private set; } = [];

    /// <summary>
    /// The content checks on the form's text as typed, without saving it: the edit page's live
    /// findings (admin.js posts the form here as the editor types). Writes nothing.
    /// </summary>
    public async Task<IActionResult> OnPostChecksAsync(int id) =>
        await draftChecks.CheckTypedAsync(id, Form.ToInput(), Medarbejdergrundlag.Content.PortalCulture.DanishCode) is { } check
            ? Partial("_Checks", check with { Typed = true })
            : NotFound();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await editor.FindAsync(id) is not { } item)
        {
            return NotFound();
        }

        Item = item;
        Form = EditForm.From(item);
        await LoadCourseAsync();
        await LoadSchedulingAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSchedulePublishAsync(int id, int revision, [FromForm(Name = "Schedule.When")] string? when) =>
        await HandleSideFormAsync(id, await schedule.SchedulePublishAsync(id, revision, when, User.Editor()), "Schedule",
            "Udgivelsen er planlagt. Indtil da ser medarbejderne den udgivne version.");

    public async Task<IActionResult> OnPostScheduleArchiveAsync(int id, [FromForm(Name = "Archive.When")] string? when) =>
        await HandleSideFormAsync(id, await schedule.ScheduleArchiveAsync(id, when, User.Editor()), "Archive",
            "Arkiveringen er planlagt.");

    public async Task<IActionResult> OnPostMoveScheduleAsync(int id, int scheduleId, int scheduleVersion, [FromForm(Name = "Move.When")] string? when) =>
        await HandleSideFormAsync(id, await schedule.ChangeAsync(scheduleId, scheduleVersion, when, User.Editor()), null,
            "Tidspunktet er ændret.");

    public async Task<IActionResult> OnPostScheduleNewestAsync(int id, int scheduleId, int scheduleVersion) =>
        await HandleSideFormAsync(id, await schedule.ScheduleNewestAsync(scheduleId, scheduleVersion, User.Editor()), null,
            "Den planlagte udgivelse udgiver nu den nyeste kladde, på samme tidspunkt.");

    public async Task<IActionResult> OnPostCancelScheduleAsync(int id, int scheduleId, int scheduleVersion) =>
        await HandleSideFormAsync(id, await schedule.CancelAsync(scheduleId, scheduleVersion, User.Editor()), null,
            "Planlægningen er annulleret. Intet er udgivet eller arkiveret.");

    public async Task<IActionResult> OnPostDismissScheduleAsync(int id, int scheduleId, int scheduleVersion) =>
        await HandleSideFormAsync(id, await schedule.DismissAsync(scheduleId, scheduleVersion, User.Editor()), null,
            "Den mislykkede planlægning er markeret som håndteret.");

    public async Task<IActionResult> OnPostKeepAfterLastDateAsync(int id, [FromForm(Name = "Expiry.Keep")] bool keep)
    {
        var result = await expiry.SetKeepAsync(id, Form.Version, keep, User.Editor());
        var state = result.Succeeded ? await expiry.ForItemAsync(id) : null;
        var success = keep
            ? "Forløbet beholdes efter sidste dato. Det bliver ikke arkiveret automatisk."
            : state is { LastEnds: { } last } && last <= expiry.Now
                ? "Forløbet udløber efter sidste dato. Dets sidste hold er allerede slut, så det bliver først arkiveret automatisk efter et senere hold. Arkivér det selv, hvis det ikke skal vises længere."
                : "Forløbet udløber efter sidste dato: det bliver arkiveret automatisk, når sidste hold er slut.";
        return await HandleSideFormAsync(id, result, "Expiry", success);
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, [FromForm(Name = "Review.Owner")] string? owner, [FromForm(Name = "Review.ReviewBy")] string? reviewBy) =>
        await HandleSideFormAsync(id, await reviews.SetAsync(id, Form.Version, owner, reviewBy, await reviews.KnownEditorsAsync(User.Editor()), User.Editor()), "Review",
            "Ansvarlig og dato for gennemgang er gemt.");

    public async Task<IActionResult> OnPostMarkReviewedAsync(int id) =>
        await HandleSideFormAsync(id, await reviews.MarkReviewedAsync(id, Form.Version, User.Editor()), null,
            "Indholdet er markeret som gennemgået.");

    /// <summary>
    /// The small forms beside the text (schedules, review): their errors go to their own fields, and
    /// the text form shows the saved text again, since these forms do not carry it.
    /// </summary>
    private async Task<IActionResult> HandleSideFormAsync(int id, EditResult result, string? prefix, string success)
    {
        if (await this.OutcomeAsync(result, () =>
            {
                Message = success;
                return RedirectToPage(new { id });
            }, "En anden har ændret indholdet imens. Se siden igen, og prøv så igen.", prefix) is { } outcome)
        {
            return outcome;
        }

        Item = (await editor.FindAsync(id))!;
        ModelState.Remove($"{nameof(Form)}.{nameof(EditForm.Version)}");
        Form = EditForm.From(Item);
        await LoadCourseAsync();
        await LoadSchedulingAsync();
        return Page();
    }

    private async Task LoadSchedulingAsync()
    {
        DraftCheck = await draftChecks.CheckSavedAsync(Item);
        ArchiveBreaksLinksIn = Item.PublishedRevisionId is not null && !Item.IsArchived ? await checker.LinksBrokenByArchivingAsync(Item.Id) : [];
        Schedules = await schedule.OpenForItemAsync(Item.Id);
        Editors = await reviews.KnownEditorsAsync(User.Editor());
        ReviewBy = ReviewEditor.EffectiveReviewBy(Item);
        Expiry = ContentKinds.Of(Item.Kind).Expires ? await expiry.ForItemAsync(Item.Id) : null;
        Now = expiry.Now;
        // A course that expires by itself needs no archive schedule at its last date; one that is kept may want one.
        LastDateEnds = Expiry is { Keep: true }
            ? Dates.Where(d => !d.IsRemoved && d.Status != CourseDateStatus.Cancelled).Select(d => (DateTime?)d.EndsAt).Max()
            : null;
    }

    public async Task<IActionResult> OnPostSaveAsync(int id) =>
        await HandleAsync(id, await editor.SaveDraftAsync(id, Form.Version, Form.ToInput(), User.Editor()),
            "Kladden er gemt. Den er ikke udgivet endnu: medarbejderne ser stadig den udgivne version.");

    /// <summary>Saves what is in the form and publishes it, so nothing typed is left behind.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id) =>
        await HandleAsync(id, await editor.SaveAndPublishAsync(id, Form.Version, Form.ToInput(), User.Editor(), Form.MaterialChange, Form.ChecksOverride),
            Form.MaterialChange
                ? "Udgivet som væsentlig ændring. Medarbejderne ser nu den nye version, og de, der har bekræftet medarbejdergrundlaget, bliver bedt om at læse ændringen og bekræfte igen."
                : "Udgivet. Medarbejderne ser nu den nye version.");

    public async Task<IActionResult> OnPostArchiveAsync(int id) =>
        await HandleAsync(id, await editor.SetArchivedAsync(id, archived: true, Form.Version, User.Editor()),
            "Indholdet er arkiveret og vises ikke længere for medarbejderne. Intet er slettet, og du kan hente det tilbage.");

    public async Task<IActionResult> OnPostUnarchiveAsync(int id) =>
        await HandleAsync(id, await editor.SetArchivedAsync(id, archived: false, Form.Version, User.Editor()),
            "Indholdet er hentet tilbage fra arkivet.");

    private async Task<IActionResult> HandleAsync(int id, EditResult result, string success)
    {
        if (result.Outcome == EditOutcome.Refused)
        {
            // A publish gate said no; what the editor typed is kept as a draft, so the form starts from it.
            Message = string.Join(" ", result.Errors.Values) + " Teksten er gemt som kladde.";
            return RedirectToPage(new { id });
        }

        if (await this.OutcomeAsync(result, () =>
            {
                Message = success;
                return RedirectToPage(new { id });
            }, () => ShowConflictAsync(result), nameof(Form)) is { } outcome)
        {
            return outcome;
        }

        Item = (await editor.FindAsync(id))!;
        await LoadCourseAsync();
        await LoadSchedulingAsync();
        return Page();
    }

    private async Task LoadCourseAsync()
    {
        if (!ContentKinds.Of(Item.Kind).Has(ContentPart.Course))
        {
            return;
        }

        Bearings = await AdminBearings.LoadAsync(db);
        Dates = await db.CourseDates.AsNoTracking().Where(d => d.ContentItemId == Item.Id).OrderBy(d => d.StartsAt).ToListAsync();
    }

    /// <summary>
    /// The editor's text stays in the form; they see what the other editor changed and can save again,
    /// knowingly, on top of the newest version.
    /// </summary>
    private async Task ShowConflictAsync(EditResult result)
    {
        var current = result.Revision!;
        var start = await db.Revisions.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ContentItemId == result.Item!.Id && r.Number == Form.BaseRevisionNumber);
        ConflictRevision = current;
        ConflictChanges = start is null ? RevisionDiff.Compare(Form.ToInput(), RevisionInput.From(current)) : RevisionDiff.Compare(start, current);
        ModelState.AddModelError("",
            $"{current.CreatedBy} har gemt en ny version ({current.Number}), mens du skrev. Din tekst er ikke gemt, men står stadig i formularen. " +
            "Se nedenfor, hvad der er ændret, flet det ind i din tekst, og gem igen.");

        // The next save builds on the newest version, so the hidden fields must carry it, not the posted values.
        ModelState.Remove($"{nameof(Form)}.{nameof(EditForm.Version)}");
        ModelState.Remove($"{nameof(Form)}.{nameof(EditForm.BaseRevisionNumber)}");
        Form.Version = result.Item!.Version;
        Form.BaseRevisionNumber = current.Number;
    }
}
