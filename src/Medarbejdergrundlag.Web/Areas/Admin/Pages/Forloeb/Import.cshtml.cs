using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Forloeb;

/// <summary>
/// Courses and dates from a spreadsheet: upload, see every row checked, then import all or nothing.
/// The preview carries the decoded text in the form, so the import needs no server-side state and
/// checks everything again.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024, ValueLengthLimit = MaxBytes * 2)]
public sealed class ImportModel(ContentEditor editor, ContentDbContext db) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>How many rows the preview table shows; errors are listed for every row.</summary>
    public const int PreviewRows = 200;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    public CourseImportPreview? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Vælg en fil (CSV, semikolonsepareret).");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Filen er for stor. Den må højst være {MaxBytes / 1024 / 1024} MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer);
        Text = CourseCsv.Decode(buffer.ToArray());
        ModelState.Remove(nameof(Text));
        Preview = CourseImport.Read(Text, await AdminBearings.LoadAsync(db));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (string.IsNullOrEmpty(Text))
        {
            ModelState.AddModelError("", "Der er ingen fil at importere. Vælg filen igen.");
            return Page();
        }

        Preview = CourseImport.Read(Text, await AdminBearings.LoadAsync(db));
        if (!Preview.IsValid)
        {
            ModelState.AddModelError("", "Filen har fejl, så intet er importeret. Ret fejlene nedenfor i regnearket, og indlæs det igen.");
            return Page();
        }

        var result = await editor.ImportCoursesAsync(Preview, Publish, User.Editor());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            ModelState.AddModelError("", "Intet er importeret.");
            return Page();
        }

        var da = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        Message = string.Format(da, "Importeret: {0:N0} hold i {1:N0} forløb, heraf {2:N0} nye forløb", result.Dates, result.Courses, result.NewCourses) +
                  (Publish ? ", udgivet." : ", som kladder. Udgiv dem fra oversigten, når de er klar.") +
                  string.Format(da, " Det tog {0:0.00} s.", result.Elapsed.TotalSeconds);
        return RedirectToPage();
    }
}
