using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages;

public sealed class MedarbejdergrundlagModel(PublishedContentStore content) : PageModel
{
    public PublishedSite Site { get; private set; } = default!;

    public async Task OnGetAsync() => Site = await content.GetAsync();
}
