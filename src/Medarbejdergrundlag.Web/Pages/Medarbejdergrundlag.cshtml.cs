using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages;

[WholePageCache]
public sealed class MedarbejdergrundlagModel(PublishedContentStore content) : PageModel
{
    public PublishedSite Site { get; private set; } = default!;

    public async Task OnGetAsync() => Site = await content.GetAsync();
}
