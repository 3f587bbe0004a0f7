using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>
/// The image library (issue 29): upload with alternative text (or marked decorative), the list with
/// where each image is used, and delete for the unused ones. The size limit holds before the body
/// is read (<see cref="ImageUploadLimitAttribute"/>).
/// </summary>
[ImageUploadLimit]
public sealed class BillederModel(ImageLibrary library, IOptions<ImageOptions> options) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? AltDa { get; set; }

    [BindProperty]
    public string? AltEn { get; set; }

    [BindProperty]
    public bool Decorative { get; set; }

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<LibraryEntry> Images { get; private set; } = [];

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task OnGetAsync() => Images = await library.ListAsync();

    public async Task<IActionResult> OnPostUploadAsync()
    {
        ImageResult result;
        if (Upload is null)
        {
            result = ImageResult.Refused(ImageLibrary.FileField, "Vælg en billedfil (JPEG, PNG eller WebP).");
        }
        else if (Upload.Length > MaxBytes)
        {
            result = ImageResult.Refused(ImageLibrary.FileField, ImageLibrary.TooLarge(MaxBytes));
        }
        else
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer);
            result = await library.UploadAsync(buffer.ToArray(), AltDa, AltEn, Decorative, User.Editor());
        }

        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }

            Images = await library.ListAsync();
            return Page();
        }

        Message = "Billedet er lagt i biblioteket. Brug »Indsæt billede« på en side for at vise det.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var result = await library.DeleteAsync(id);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", result.Errors.Values.First());
            Images = await library.ListAsync();
            return Page();
        }

        Message = "Billedet er slettet i alle størrelser.";
        return RedirectToPage();
    }
}
