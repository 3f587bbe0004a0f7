using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>One course date: change it, take it off the public site, or bring it back.</summary>
public sealed class RedigerHoldModel(ContentEditor editor, CourseDateEditor dates) : PageModel
{
    [BindProperty]
    public DateForm Date { get; set; } = new();

    public ContentItem Item { get; private set; } = default!;

    public CourseDate Current { get; private set; } = default!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int holdId)
    {
        if (!await LoadAsync(id, holdId))
        {
            return NotFound();
        }

        Date = DateForm.From(Current);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int holdId) =>
        await HandleAsync(id, holdId, await dates.UpdateDateAsync(id, holdId, Date.Version, Date.ToInput(), User.Editor()),
            "Holdet er gemt. Ændringen gælder med det samme.");

    public async Task<IActionResult> OnPostRemoveAsync(int id, int holdId) =>
        await HandleAsync(id, holdId, await dates.SetDateRemovedAsync(id, holdId, removed: true, Date.Version, User.Editor()),
            "Holdet er fjernet fra siden. Det er ikke slettet, og du kan hente det tilbage.");

    public async Task<IActionResult> OnPostRestoreAsync(int id, int holdId) =>
        await HandleAsync(id, holdId, await dates.SetDateRemovedAsync(id, holdId, removed: false, Date.Version, User.Editor()),
            "Holdet er hentet tilbage.");

    private async Task<IActionResult> HandleAsync(int id, int holdId, EditResult result, string success)
    {
        if (await this.OutcomeAsync(result, () =>
            {
                Message = success;
                return RedirectToPage(new { id, holdId });
            }, () =>
            {
                ModelState.AddModelError("", $"{result.Date!.UpdatedBy} har ændret holdet, mens du skrev. Nu står der: {CourseDateValidator.Describe(result.Date)}. Det, du skrev, er ikke gemt, men står stadig i formularen. Gem igen, hvis det stadig skal gælde.");
                ModelState.Remove($"{nameof(Date)}.{nameof(DateForm.Version)}");
                Date.Version = result.Date.Version;
                return Task.CompletedTask;
            }, nameof(Date)) is { } outcome)
        {
            return outcome;
        }

        return await LoadAsync(id, holdId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int holdId)
    {
        if (await editor.FindAsync(id) is not { } item || !ContentKinds.Of(item.Kind).Has(ContentPart.Course) || await dates.FindDateAsync(id, holdId) is not { } date)
        {
            return false;
        }

        Item = item;
        Current = date;
        return true;
    }
}
