using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Pages.TilLedere;

public sealed class IndexModel(PublishedContentStore content, LinkBuilder links, IStringLocalizer<SharedResource> t) : PageModel
{
    public PublishedSite Site { get; private set; } = default!;

    public string WelcomeEmail { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Site = await content.GetAsync();
        WelcomeEmail = Onboarding.WelcomeEmail(Site, path => links.Absolute(Request, path), t);
    }
}
