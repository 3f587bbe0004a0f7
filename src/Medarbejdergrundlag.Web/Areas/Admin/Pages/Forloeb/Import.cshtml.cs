using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>"Opdater eksisterende datoer": a row at an existing date's start updates that date.</summary>
    [BindProperty]
    public bool UpdateExisting { get; set; }

    public CourseImportPreview? Preview { get; private set; }

    /// <summary>The import run and rolled back: the verdict the import will give, as drafts.</summary>
    public CourseImportResult? Check { get; private set; }

    /// <summary>The same, published at once: the publish path's gates may refuse what drafts allow.</summary>
    public CourseImportResult? PublishCheck { get; private set; }

    /// <summary>Ready to import: the file is fine and so is the import against the database.</summary>
    public bool Ready => Preview is { IsValid: true } && Check is { Succeeded: true };

    [TempData]
    public string? Message { get; set; }

    /// <summary>The ids of the courses the last import made or changed, for the notice's links.</summary>
    [TempData]
    public string? Imported { get; set; }

    public IReadOnlyList<(int Id, string Title, bool Published, int Version)> ImportedCourses { get; private set; } = [];

    /// <summary>"Udgiv kladderne": each as "id:version", the version the editor saw.</summary>
    [BindProperty]
    public List<string> Drafts { get; set; } = [];

    public async Task OnGetAsync()
    {
        var ids = (Imported ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        if (ids.Count > 0)
        {
            ImportedCourses = (await db.Items.Where(i => ids.Contains(i.Id))
                    .Select(i => new { i.Id, i.CurrentRevision!.Title, Published = i.PublishedRevisionId == i.CurrentRevisionId, i.Version })
                    .ToListAsync())
                .OrderBy(i => ids.IndexOf(i.Id))
                .Select(i => (i.Id, i.Title, i.Published, i.Version))
                .ToList();
        }
    }

    /// <summary>
    /// Publishes the imported drafts in one step, each through the one publish path as if published by
    /// hand (its gates, its audit entry, its version check): one refused leaves the others published.
    /// </summary>
    public async Task<IActionResult> OnPostPublishDraftsAsync([FromServices] ContentEditor editor)
    {
        var published = new List<string>();
        var refused = new List<string>();
        var ids = new List<int>();
        foreach (var draft in Drafts)
        {
            if (draft.Split(':') is not [var idText, var versionText] || !int.TryParse(idText, out var id) || !int.TryParse(versionText, out var version))
            {
                continue;
            }

            ids.Add(id);
            var title = await db.Items.Where(i => i.Id == id).Select(i => i.CurrentRevision!.Title).SingleOrDefaultAsync() ?? "";
            var result = await editor.PublishAsync(id, version, User.Editor());
            if (result.Succeeded)
            {
                published.Add(title);
            }
            else
            {
                refused.Add($"»{title}«: " + result.Outcome switch
                {
                    EditOutcome.Conflict => "Det er ændret eller udgivet af en anden imens. Se det igen, og udgiv det derfra.",
                    EditOutcome.NotFound => "Det findes ikke længere.",
                    _ => string.Join(" ", result.Errors.Values),
                });
            }
        }

        var da = Medarbejdergrundlag.Content.PortalCulture.Danish;
        Message = string.Format(da, "Udgivet: {0:N0} forløb.", published.Count) +
                  (refused.Count > 0 ? " Ikke udgivet: " + string.Join(" ", refused) : "");
        Imported = string.Join(',', ids);
        return RedirectToPage();
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
        await CheckAsync(file);
        Token = Preview!.IsValid ? await ImportUploads.SaveAsync(file) : null;
        ModelState.Remove(nameof(Token));
        return Page();
    }

    /// <summary>The preview again for the file already uploaded, with the options changed.</summary>
    public async Task<IActionResult> OnPostRecheckAsync()
    {
        if (await ImportUploads.LoadAsync(Token) is not { } file)
        {
            ModelState.AddModelError("", "Filen er ikke længere gemt på serveren. Vælg den igen. Intet er importeret.");
            return Page();
        }

        await CheckAsync(file);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync()
    {
        if (await ImportUploads.LoadAsync(Token) is not { } file)
        {
            ModelState.AddModelError("", "Filen er ikke længere gemt på serveren. Vælg den igen, og se forhåndsvisningen igen. Intet er importeret.");
            return Page();
        }

        _bearings = await AdminBearings.LoadAsync(db);
        Preview = CourseImport.Read(file, _bearings);
        if (!Preview.IsValid)
        {
            ModelState.AddModelError("", "Filen har fejl, så intet er importeret. Ret fejlene nedenfor i regnearket, og indlæs det igen.");
            return Page();
        }

        var result = await importer.ImportAsync(Preview, new CourseImportOptions(Publish, UpdateExisting), User.Editor());
        if (!result.Succeeded)
        {
            // The same words the preview would have shown: the database changed since, or a gate refused.
            Check = result;
            ModelState.AddModelError("", "Intet er importeret.");
            return Page();
        }

        ImportUploads.Remove(Token!);
        var da = Medarbejdergrundlag.Content.PortalCulture.Danish;
        var updated = result.UpdatedDates > 0 ? string.Format(da, ", {0:N0} eksisterende hold opdateret", result.UpdatedDates) : "";
        Message = string.Format(da, "Importeret: {0:N0} hold i {1:N0} forløb, heraf {2:N0} nye forløb", result.Dates, result.Courses, result.NewCourses) + updated +
                  (Publish ? ", udgivet." : ", som kladder. Udgiv dem fra oversigten, når de er klar.");
        Imported = string.Join(',', result.CourseVerdicts.Select(c => c.ItemId));
        return RedirectToPage();
    }

    /// <summary>The preview's words for what happens to a row.</summary>
    public static string Change(CourseImportRowVerdict? verdict) => verdict switch
    {
        { Change: CourseImportRowChange.NewDate } => "Nyt hold",
        { Change: CourseImportRowChange.UpdatedDate, Before: var before } => $"Opdateres. Før: {before}",
        { Change: CourseImportRowChange.UnchangedDate } => "Uændret",
        _ => "",
    };

    /// <summary>"3 nye hold, 1 opdateres, 2 uændrede; 1 nyt forløb, 1 forløb får en ny version."</summary>
    public static string Summary(CourseImportResult check)
    {
        var da = Medarbejdergrundlag.Content.PortalCulture.Danish;
        var changed = check.CourseVerdicts.Count(c => c.IsChanged);
        var parts = new List<string> { string.Format(da, "{0:N0} {1}", check.NewDates, check.NewDates == 1 ? "nyt hold" : "nye hold") };
        if (check.UpdatedDates > 0)
        {
            parts.Add(string.Format(da, "{0:N0} eksisterende hold opdateres", check.UpdatedDates));
        }

        if (check.UnchangedDates > 0)
        {
            parts.Add(string.Format(da, "{0:N0} {1}", check.UnchangedDates, check.UnchangedDates == 1 ? "uændret hold" : "uændrede hold"));
        }

        var courses = string.Format(da, "{0:N0} {1}", check.NewCourses, check.NewCourses == 1 ? "nyt forløb" : "nye forløb");
        if (changed > 0)
        {
            courses += string.Format(da, ", {0:N0} forløb får en ny version", changed);
        }

        return $"{string.Join(", ", parts)}; {courses}.";
    }

    /// <summary>"Ledere · Børn- og Ungeforvaltningen · 2 dage · Mod, Fællesskab", from a checked row.</summary>
    public string Facts(CourseInput course)
    {
        var details = course.ToDetails();
        var da = Medarbejdergrundlag.Content.PortalCulture.Danish;
        var days = details.LengthDays == 1 ? "1 dag" : string.Format(da, "{0:0.#} dage", details.LengthDays);
        var bearings = string.Join(", ", details.BearingKeys.Select(k => _bearings.Where(b => b.Key == k).Select(b => b.Title).FirstOrDefault() ?? k));
        return string.Join(" · ", new[] { CourseTerms.Name(details.Audience), CourseTerms.Name(details.Forvaltning), days, bearings }.Where(p => p.Length > 0));
    }

    private IReadOnlyList<(string Key, string Title)> _bearings = [];

    /// <summary>Reads the file and runs the import without keeping it, published and, if a gate refuses that, as drafts.</summary>
    private async Task CheckAsync(byte[] file)
    {
        _bearings = await AdminBearings.LoadAsync(db);
        Preview = CourseImport.Read(file, _bearings);
        if (!Preview.IsValid)
        {
            return;
        }

        // Published first: a file that can be published can be imported as drafts (the publish only adds
        // refusals), so one run answers both unless a gate refuses the publish.
        PublishCheck = await importer.CheckAsync(Preview, new CourseImportOptions(Publish: true, UpdateExisting), User.Editor());
        Check = PublishCheck.Succeeded
            ? PublishCheck
            : await importer.CheckAsync(Preview, new CourseImportOptions(Publish: false, UpdateExisting), User.Editor());
        if (!Check.Succeeded)
        {
            PublishCheck = null;
        }
    }
}
