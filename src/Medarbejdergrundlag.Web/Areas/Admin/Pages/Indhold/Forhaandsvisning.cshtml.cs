using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Pejlemaerker;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>
/// The newest draft through the very partials the public pages use, on a copy of the published
/// site with the draft in its place. Editors only (admin area); nothing is stored or cached.
/// </summary>
public sealed class ForhaandsvisningModel(ContentEditor editor, PublishedContentStore content, Medarbejdergrundlag.Content.Data.ContentDbContext db, TimeProvider clock) : PageModel
{
    public int ItemId { get; private set; }

    public int RevisionNumber { get; private set; }

    public bool IsPublished { get; private set; }

    public PublishedItem Draft { get; private set; } = default!;

    public PublishedSite Site { get; private set; } = default!;

    public BearingView? Bearing { get; private set; }

    public Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CourseView? Course { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await editor.FindAsync(id) is not { CurrentRevision: { } draft } item)
        {
            return NotFound();
        }

        ItemId = id;
        RevisionNumber = draft.Number;
        IsPublished = !item.HasUnpublishedChanges;
        var dates = item.Kind == Medarbejdergrundlag.Content.Model.ContentKind.Course
            ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.CourseDates.Where(d => d.ContentItemId == id))
            : [];
        Draft = PublishedItem.FromRevision(item, draft, dates);
        Site = (await content.GetAsync()).With(Draft);
        Bearing = BearingView.For(Site, id);
        Course = Draft.Course is null ? null : Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CourseView.For(Site, Draft, clock.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
