using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

public sealed class NyModel(ContentEditor editor, Medarbejdergrundlag.Content.Data.ContentDbContext db) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public ContentKind Kind { get; private set; }

    public string KindWord { get; private set; } = "";

    public IReadOnlyList<(string Key, string Title)> Bearings { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string kind)
    {
        if (!Resolve(kind))
        {
            return NotFound();
        }

        Bearings = await AdminBearings.LoadAsync(db);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind)
    {
        if (!Resolve(kind))
        {
            return NotFound();
        }

        var result = await editor.CreateAsync(Kind, Form.ToInput(), User.Editor());
        if (result.Succeeded)
        {
            Message = "Kladden er oprettet. Den er ikke udgivet endnu.";
            return RedirectToPage("Rediger", new { id = result.Item!.Id });
        }

        ModelState.AddEditErrors(result, nameof(Form));

        Bearings = await AdminBearings.LoadAsync(db);
        return Page();
    }

    private bool Resolve(string kind)
    {
        if (!ContentKinds.Creatable.TryGetValue(kind, out var resolved))
        {
            return false;
        }

        Kind = resolved;
        KindWord = kind;
        return true;
    }
}
