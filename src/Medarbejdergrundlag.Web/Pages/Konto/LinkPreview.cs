using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// Teams and Outlook unfurl a pasted link without signing in, so they land on the sign-in page. It
/// carries the Open Graph title and description of the page it returns to, taken from the published
/// snapshot only: never a draft, nothing of the page but its title and summary, and nothing at all
/// for pages that are not published content (the managers' pages, search, admin).
/// <c>Portal:SignInLinkPreviews=false</c> turns it off.
/// </summary>
public sealed record LinkPreview(string Title, string Description)
{
    public const string Setting = "Portal:SignInLinkPreviews";

    public static LinkPreview? For(string? returnUrl, PublishedSite site)
    {
        if (!Security.LocalUrl.IsLocal(returnUrl))
        {
            return null;
        }

        var path = returnUrl!.Split('?', '#')[0].TrimEnd('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var charter = site.Introduction?.Summary();
        return segments switch
        {
            [] when charter is not null => new("Medarbejdergrundlag", charter),
            ["medarbejdergrundlag"] when charter is not null => new("Medarbejdergrundlaget", charter),
            ["pejlemaerker"] when site.Bearings.Count > 0 =>
                new("Pejlemærker", "Medarbejdergrundlagets fire pejlemærker: " + string.Join(", ", site.Bearings.Select(b => b.Title)) + "."),
            ["pejlemaerker", var slug] when site.FindBearing(slug) is { } bearing => new(bearing.Title, bearing.Summary()),
            ["phoenix"] when site.Phoenix is { } phoenix => new(phoenix.Title, phoenix.Summary()),
            ["phoenix", "forloeb", var slug] when site.FindCourse(slug) is { } course => new(course.Title, course.Summary()),
            _ => null,
        };
    }
}
