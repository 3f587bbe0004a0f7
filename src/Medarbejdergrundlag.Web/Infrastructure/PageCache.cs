using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The key and lifetime of a cached page: <see cref="WholePageCache"/> keeps whole pages under it,
/// and the change log (<c>/aendringer</c>, rendered per request) its main content in a
/// <c>&lt;cache&gt;</c> tag helper. A page's shared HTML depends only on the published snapshot, the
/// address (path and query) and the portal's own base address used in copied links; what differs
/// between readers is spliced in per request (<see cref="IPageSlot"/>) or rendered outside the
/// <c>&lt;cache&gt;</c> tag.
/// </summary>
public static class PageCache
{
    /// <summary>Unused entries leave the cache; a publish leaves its old entries unreachable at once.</summary>
    public static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);

    public static string Key(PublishedSite site, HttpRequest request, LinkBuilder links) =>
        $"{site.Stamp}|{links.Absolute(request, "/")}|{request.Path}{request.QueryString}";
}
