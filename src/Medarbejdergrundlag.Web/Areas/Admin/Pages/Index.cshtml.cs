using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

public sealed class IndexModel(ContentDbContext db, ContentEditor editor, PublishSchedule schedule, ReviewEditor reviews, CourseExpiry expiry) : PageModel
{
    /// <summary>Pending schedules by item, for the overview's "Planlagt" column.</summary>
    public ILookup<int, OpenSchedule> Pending { get; private set; } = Enumerable.Empty<OpenSchedule>().ToLookup(s => s.ContentItemId);

    /// <summary>Courses' expiry after their last date, for the "Planlagt" column.</summary>
    public IReadOnlyDictionary<int, CourseExpiryState> Expiry { get; private set; } = new Dictionary<int, CourseExpiryState>();

    public DateTime Now { get; private set; }

    /// <summary>Schedules that could not run, until an editor deals with them.</summary>
    public IReadOnlyList<OpenSchedule> Failed { get; private set; } = [];

    /// <summary>"Skal gennemgås": overdue, or due within 30 days.</summary>
    public IReadOnlyList<ReviewDue> ReviewsDue { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public sealed record Row(
        int Id, string Title, ContentKind Kind, int? PublishedRevisionId, bool HasUnpublishedChanges, string UpdatedBy, DateTime UpdatedAt, int Version)
    {
        /// <summary>The published English translation was made from an older Danish text than the published one.</summary>
        public bool TranslationOutdated { get; init; }
    }

    /// <summary>A kind's rows; a long one (the courses) is shown <see cref="PageSize"/> at a time, from <see cref="FirstIndex"/>.</summary>
    public sealed record Group(ContentKind Kind, IReadOnlyList<Row> Rows, int Total, int FirstIndex, int Page, int Pages);

    /// <summary>Rows per page of the course table: with 100 courses the overview stays small and quick.</summary>
    public const int PageSize = 25;

    /// <summary>The page of the course table (<c>?side=2</c>); the other kinds are short and shown whole.</summary>
    [BindProperty(SupportsGet = true, Name = "side")]
    public int Side { get; set; } = 1;

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    public IReadOnlyList<Row> Archived { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostMoveUpAsync(int id) => MoveAsync(id, -1);

    public Task<IActionResult> OnPostMoveDownAsync(int id) => MoveAsync(id, +1);

    public async Task<IActionResult> OnPostUnarchiveAsync(int id, int version)
    {
        var result = await editor.SetArchivedAsync(id, archived: false, version, User.Editor());
        return await DoneAsync(result, "Indholdet er hentet tilbage fra arkivet.");
    }

    public async Task<IActionResult> OnPostMarkReviewedAsync(int id, int version) =>
        await DoneAsync(await reviews.MarkReviewedAsync(id, version, User.Editor()), "Indholdet er markeret som gennemgået.");

    public async Task<IActionResult> OnPostDismissScheduleAsync(int scheduleId, int scheduleVersion) =>
        await DoneAsync(await schedule.DismissAsync(scheduleId, scheduleVersion, User.Editor()), "Den mislykkede planlægning er markeret som håndteret.");

    private async Task<IActionResult> MoveAsync(int id, int offset)
    {
        var result = await editor.MoveAsync(id, offset, User.Editor());
        return await DoneAsync(result, "Rækkefølgen er ændret og gælder nu også på den offentlige side.");
    }

    private async Task<IActionResult> DoneAsync(EditResult result, string success)
    {
        if (await this.OutcomeAsync(result, () =>
            {
                Message = success;
                return Side > 1 ? Redirect($"/admin?side={Side}") : RedirectToPage();
            }, "En anden har ændret indholdet imens. Se listen igen, og prøv så igen.") is { } outcome)
        {
            return outcome;
        }

        await LoadAsync();
        return Page();
    }

    private Group Paged(ContentKind kind, List<Row> all)
    {
        if (kind != ContentKind.Course || all.Count <= PageSize)
        {
            return new Group(kind, all, all.Count, 0, 1, 1);
        }

        var pages = (all.Count + PageSize - 1) / PageSize;
        var page = Math.Clamp(Side, 1, pages);
        return new Group(kind, all.Skip((page - 1) * PageSize).Take(PageSize).ToList(), all.Count, (page - 1) * PageSize, page, pages);
    }

    private async Task LoadAsync()
    {
        var rows = await db.Items.AsNoTracking()
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new
            {
                Row = new Row(i.Id, i.CurrentRevision!.Title, i.Kind, i.PublishedRevisionId, i.CurrentRevisionId != i.PublishedRevisionId, i.UpdatedBy, i.UpdatedAt, i.Version),
                i.IsArchived,
                TranslatedFrom = (int?)i.PublishedEnglishRevision!.TranslatedFromRevisionId,
                // For "Skal gennemgås", read here rather than in a query of its own.
                i.OwnerName,
                i.ReviewBy,
                i.LastReviewedAt,
            })
            .ToListAsync();
        rows = rows.Select(r => r with { Row = r.Row with { TranslationOutdated = TranslationEditor.IsOutdated(r.Row.PublishedRevisionId, r.TranslatedFrom) } }).ToList();
        Groups = Enum.GetValues<ContentKind>()
            .Select(kind => Paged(kind, rows.Where(r => !r.IsArchived && r.Row.Kind == kind).Select(r => r.Row).ToList()))
            .Where(g => g.Rows.Count > 0 || ContentKinds.UrlWord(g.Kind) is not null)
            .ToList();
        Archived = rows.Where(r => r.IsArchived).Select(r => r.Row).ToList();
        var open = await schedule.OpenAsync();
        Pending = open.Where(s => s.State == ScheduleState.Pending).ToLookup(s => s.ContentItemId);
        Failed = open.Where(s => s.State == ScheduleState.Failed).ToList();
        ReviewsDue = reviews.Due(rows.Where(r => !r.IsArchived).Select(r => new ReviewDue(
            r.Row.Id, r.Row.Title, r.Row.Kind, r.OwnerName, ReviewEditor.EffectiveReviewBy(r.ReviewBy, r.Row.UpdatedAt), r.LastReviewedAt, r.Row.Version)));
        Expiry = await expiry.ForCoursesAsync();
        Now = expiry.Now;
        Today = reviews.Today;
    }
}
