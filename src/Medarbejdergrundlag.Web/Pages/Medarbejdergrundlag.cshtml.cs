using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages;

public sealed class MedarbejdergrundlagModel(PublishedContentStore content) : PageModel
{
    /// <summary>The charter's own heading over its two legs.</summary>
    public string LegsHeading { get; private set; } = "";

    public PublishedSite Site { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        Site = await content.GetAsync();
        LegsHeading = "To ben: " + string.Join(" og ", Site.Legs.Select(l => $"”{l.Title}”"));
    }
}
