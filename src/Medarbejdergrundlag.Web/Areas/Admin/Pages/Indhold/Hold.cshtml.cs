using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>A course's dates: the list, removed ones included, and a form to add one.</summary>
public sealed class HoldModel(ContentEditor editor, CourseDateEditor dates, ContentDbContext db) : PageModel
{
    [BindProperty]
    public DateForm Date { get; set; } = new() { Status = nameof(CourseDateStatus.Open) };

    public ContentItem Item { get; private set; } = default!;

    public IReadOnlyList<CourseDate> Dates { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var result = await dates.AddDateAsync(id, Date.ToInput(), User.Editor());
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                Message = "Holdet er tilføjet. Er forløbet udgivet, kan medarbejderne se holdet nu.";
                return RedirectToPage(new { id });
            case EditOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddEditErrors(result, nameof(Date));

                await LoadAsync(id);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await editor.FindAsync(id) is not { } item || !ContentKinds.Of(item.Kind).Has(ContentPart.Course))
        {
            return false;
        }

        Item = item;
        Dates = await db.CourseDates.AsNoTracking().Where(d => d.ContentItemId == id).OrderBy(d => d.StartsAt).ToListAsync();
        return true;
    }
}
