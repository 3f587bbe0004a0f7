using Medarbejdergrundlag.Content.Backup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>Editors download all content as one file. Restoring is IT's job, from the command line.</summary>
public sealed class SikkerhedskopiModel(ContentBackup backup, TimeProvider clock) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetHentAsync(CancellationToken cancellationToken)
    {
        var stream = new MemoryStream();
        await backup.ExportAsync(stream, cancellationToken: cancellationToken);
        stream.Position = 0;
        var date = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(stream, "application/json", $"medarbejdergrundlag-{date}.json");
    }
}
