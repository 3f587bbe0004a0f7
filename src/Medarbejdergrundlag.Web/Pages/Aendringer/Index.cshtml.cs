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

    public static string KindName(ContentKind kind) => ContentKinds.Of(kind).ChangeName ?? ContentKinds.Name(kind);

    /// <summary>Where the item is read: its place on the charter, or the Phønix page.</summary>
    public static string PathOf(RevisionInfo revision) =>
        ContentKinds.Of(revision.Kind).PartOfCharter ? PortalPaths.CharterSection(revision.Key) : PortalPaths.Of(revision.Kind, revision.Key, "");
}
