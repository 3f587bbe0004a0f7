using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Pejlemaerker;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Pages.Hoering;

/// <summary>
/// A consultation link (issue 27): any signed-in reader with the address sees that one draft revision
/// as its page would look, marked as a draft, with the word diff against the published text, and may
/// comment. Never in the whole-page cache (no <c>[WholePageCache]</c>), never stored by a browser or
/// indexed: <c>no-store</c> and <c>noindex</c>. A link that no longer shows its draft answers 410.
/// </summary>
public sealed class IndexModel(Consultations consultations, PublishedContentStore content, Content.Data.ContentDbContext db, TimeProvider clock) : PageModel
{
    public ConsultationView View { get; private set; } = default!;

    public PublishedItem Draft { get; private set; } = default!;

    public PublishedSite Site { get; private set; } = default!;

    public BearingView? Bearing { get; private set; }

    public Phoenix.Forloeb.CourseView? Course { get; private set; }

    public IReadOnlyList<DiffLine> Diff { get; private set; } = [];

    [BindProperty]
    public string? Comment { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Private();
        return await ShowAsync(await consultations.OpenAsync(token, User.Editor()));
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Private();
        var (view, error) = await consultations.CommentAsync(token, User.Editor(), Comment);
        if (view.State == ConsultationState.Open && error is null)
        {
            Message = "Tak. Din kommentar er sendt til redaktørerne.";
            return RedirectToPage(new { token });
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(Comment), error);
        }

        return await ShowAsync(view);
    }

    private async Task<IActionResult> ShowAsync(ConsultationView view)
    {
        View = view;
        if (view.State == ConsultationState.NotFound)
        {
            return NotFound();
        }

        if (view.State != ConsultationState.Open)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        var item = view.Item!;
        var dates = ContentKinds.Of(item.Kind).Has(ContentPart.Course)
            ? await db.CourseDates.AsNoTracking().Where(d => d.ContentItemId == item.Id).ToListAsync()
            : [];
        Draft = PublishedItem.FromRevision(item, view.Revision!, dates);
        Site = (await content.GetAsync()).With(Draft);
        Bearing = BearingView.For(Site, item.Id);
        Course = Draft.Course is null ? null : Phoenix.Forloeb.CourseView.For(Site, Draft, clock.GetUtcNow().UtcDateTime);
        Diff = item.PublishedRevision is { } published ? RevisionDiff.Compare(published, view.Revision!) : [];
        return Page();
    }

    /// <summary>A draft for the link's readers only: no browser or proxy keeps it, no search engine lists it.</summary>
    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
