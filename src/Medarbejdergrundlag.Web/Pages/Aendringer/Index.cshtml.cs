using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>The public change log; its body is kept in a <c>&lt;cache&gt;</c> tag helper under <see cref="Infrastructure.PageCache.Key"/>.</summary>
public sealed class IndexModel(PublishedContentStore content) : PageModel
{
    /// <summary>The page and the feed show this many changes, newest first.</summary>
    public const int MaxChanges = 50;

    public PublishedSite Site { get; private set; } = default!;

    public async Task OnGetAsync() => Site = await content.GetAsync();

    public static string KindName(ContentKind kind) => kind switch
    {
        ContentKind.Bearing => "Pejlemærke",
        ContentKind.Leg => "Ben i medarbejdergrundlaget",
        ContentKind.PhoenixPage => "Phønix",
        _ => "Afsnit i medarbejdergrundlaget",
    };

    /// <summary>Where the item is read: its place on the charter, or the Phønix page.</summary>
    public static string PathOf(RevisionInfo revision) =>
        revision.Kind == ContentKind.PhoenixPage ? PortalPaths.Phoenix : PortalPaths.CharterSection(revision.Key);
}
