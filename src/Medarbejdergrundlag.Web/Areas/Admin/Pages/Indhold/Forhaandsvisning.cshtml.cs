using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Pages.Pejlemaerker;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>
/// The newest draft through the very partials the public pages use, on a copy of the published
/// site with the draft in its place. Editors only (admin area); nothing is stored or cached.
/// With <c>?sprog=en</c> (<see cref="Infrastructure.EnglishPages.IsEnglishPreview"/>) the request is
/// English, like a page under /en, and the draft is the newest English revision on the English site,
/// exactly as an English reader would see it once published (or the Danish text, marked Danish,
/// while there is no translation).
/// </summary>
public sealed class ForhaandsvisningModel(ContentEditor editor, PublishedContentStore content, Medarbejdergrundlag.Content.Data.ContentDbContext db, TimeProvider clock) : PageModel
{
    public int ItemId { get; private set; }

    /// <summary>True for the English preview: the request's language, set from the address.</summary>
    public bool English { get; } = PortalCulture.CurrentLanguage == PortalCulture.EnglishCode;

    /// <summary>The number of the revision shown; null on the English preview of an item without a translation.</summary>
    public int? RevisionNumber { get; private set; }

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
        var dates = Medarbejdergrundlag.Content.Model.ContentKinds.Of(item.Kind).Has(Medarbejdergrundlag.Content.Model.ContentPart.Course)
            ? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.CourseDates.Where(d => d.ContentItemId == id))
            : [];
        if (English)
        {
            // The Danish text the English pages build on is the published one; the translation takes its words.
            var danish = TranslationEditor.Source(item);
            var translation = item.CurrentEnglishRevision;
            var shown = PublishedItem.FromRevision(item, danish, dates);
            Draft = translation is null
                ? shown
                : PublishedItem.Translation(shown, translation, TranslationEditor.IsOutdated(danish.Id, translation.TranslatedFromRevisionId));
            RevisionNumber = translation?.Number;
            IsPublished = translation is not null && translation.Id == item.PublishedEnglishRevisionId;
        }
        else
        {
            Draft = PublishedItem.FromRevision(item, draft, dates);
            RevisionNumber = draft.Number;
            IsPublished = !item.HasUnpublishedChanges;
        }

        Site = (await content.GetAsync()).With(Draft);
        Bearing = BearingView.For(Site, id);
        Course = Draft.Course is null ? null : Medarbejdergrundlag.Web.Pages.Phoenix.Forloeb.CourseView.For(Site, Draft, clock.GetUtcNow().UtcDateTime);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
