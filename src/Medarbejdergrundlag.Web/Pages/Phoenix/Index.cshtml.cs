using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Phoenix;

public sealed class IndexModel(PublishedContentStore content) : PageModel
{
    public PublishedItem Phoenix { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync()
    {
        var phoenix = (await content.GetAsync()).Phoenix;
        if (phoenix is null)
        {
            return NotFound();
        }

        Phoenix = phoenix;
        return Page();
    }
}
