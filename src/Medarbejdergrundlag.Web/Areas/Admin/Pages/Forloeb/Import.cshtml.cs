using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Forloeb;

/// <summary>
/// Courses and dates from a spreadsheet (.xlsx or CSV): upload, see every row checked, then import
/// all or nothing. The uploaded file waits on the server under a token (<see cref="ImportUploads"/>);
/// the import reads it again and checks everything again.
/// </summary>
[RequestSizeLimit(MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 64 * 1024)]
public sealed class ImportModel(CourseImporter importer, ContentDbContext db) : PageModel
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>How many rows the preview table shows; errors are listed for every row.</summary>
    public const int PreviewRows = 200;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public bool Publish { get; set; }

    public CourseImportPreview? Preview { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    /// <summary>The template: the columns and one example row, as a workbook or as CSV.</summary>
    public IActionResult OnGetTemplate(string? format) =>
        format == "csv"
            ? File(CourseSheet.CsvTemplate(), "text/csv; charset=utf-8", "phoenix-forloeb-skabelon.csv")
            : File(CourseSheet.WorkbookTemplate(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "phoenix-forloeb-skabelon.xlsx");

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), Upload is null ? "Vælg en fil (Excel-regneark eller CSV, semikolonsepareret)." : "Filen er tom.");
            return Page();
        }

        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), $"Filen er for stor. Den må højst være {MaxBytes / 1024 / 1024} MB.");
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer);
        var file = buffer.ToArray();
        Preview = CourseImport.Read(file, await AdminBearings.LoadAsync(db));
        Token = Preview.IsValid ? await ImportUploads.SaveAsync(file) : null;
        ModelState.Remove(nameof(Token));
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (await ImportUploads.LoadAsync(Token) is not { } file)
        {
            ModelState.AddModelError("", "Filen er ikke længere gemt på serveren. Vælg den igen, og se forhåndsvisningen igen. Intet er importeret.");
            return Page();
        }

        Preview = CourseImport.Read(file, await AdminBearings.LoadAsync(db));
        if (!Preview.IsValid)
        {
            ModelState.AddModelError("", "Filen har fejl, så intet er importeret. Ret fejlene nedenfor i regnearket, og indlæs det igen.");
            return Page();
        }

        var result = await importer.ImportAsync(Preview, Publish, User.Editor());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError("", error);
            }

            ModelState.AddModelError("", "Intet er importeret.");
            return Page();
        }

        ImportUploads.Remove(Token!);
        var da = Medarbejdergrundlag.Content.PortalCulture.Danish;
        Message = string.Format(da, "Importeret: {0:N0} hold i {1:N0} forløb, heraf {2:N0} nye forløb", result.Dates, result.Courses, result.NewCourses) +
                  (Publish ? ", udgivet." : ", som kladder. Udgiv dem fra oversigten, når de er klar.") +
                  string.Format(da, " Det tog {0:0.00} s.", result.Elapsed.TotalSeconds);
        return RedirectToPage();
    }
}
