using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The key under which a public page caches its main content (the <c>&lt;cache&gt;</c> tag helper
/// around the page body, never around the layout). That content is the same for every reader: it
/// depends only on the published snapshot, the address (path and query) and the portal's own base
/// address used in copied links. Anything that differs between readers (name, menu by role, the
/// sign-out form's antiforgery token) lives in the layout, which is rendered for every request.
/// </summary>
public static class PageCache
{
    /// <summary>Unused entries leave the cache; a publish leaves its old entries unreachable at once.</summary>
    public static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);

    public static string Key(PublishedSite site, HttpRequest request, LinkBuilder links) =>
        $"{site.Stamp}|{links.Absolute(request, "/")}|{request.Path}{request.QueryString}";
}
