using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Areas.Admin;
using Medarbejdergrundlag.Web.Security;

namespace Medarbejdergrundlag.Web.Endpoints;

/// <summary>
/// What the portal answers with data rather than a page: the calendar files, the confirm form's
/// target, the search page's click count, the change log's feed and the editor's Markdown preview. Each group declares who may
/// call it once; a form-bound handler is guarded by the framework's antiforgery middleware
/// (<c>UseAntiforgery</c>), so no handler checks a token by hand.
/// </summary>
public static class PortalEndpoints
{
    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var readers = endpoints.MapGroup("").RequireAuthorization();
        // A calendar program or a feed reader fetches its feed without the reader's cookie: the handler
        // lets it in with the token of the reader's feed link instead.
        var calendarPrograms = endpoints.MapGroup("").AllowAnonymous();

        // In both languages: the English pages' calendar files speak English, and the English
        // confirmation counts for the English pages' version and leads back to them.
        foreach (var language in new[] { PortalCulture.DanishCode, PortalCulture.EnglishCode })
        {
            string In(Func<string> path) => PortalCulture.In(language, path);
            readers.MapGet(In(() => PortalPaths.Catalogue) + "/{slug}/hold/{holdId:int}.ics", CalendarEndpoints.DateAsync);
            readers.MapPost(In(() => PortalPaths.Confirm), ConfirmEndpoint.ConfirmAsync);
            readers.MapPost(In(() => PortalPaths.SearchClick), SearchClickEndpoint.ClickAsync);
            calendarPrograms.MapGet(In(() => PortalPaths.CatalogueFeed), CalendarEndpoints.FeedAsync);
            calendarPrograms.MapGet(In(() => PortalPaths.ChangesFeed), ChangeFeed.WriteAsync);
        }

        readers.MapImages();

        var editors = endpoints.MapGroup("/admin").RequireAuthorization(PortalRoles.EditorPolicy).RequireRateLimiting(AdminConcurrency.Policy);
        editors.MapPost(MarkdownPreviewEndpoint.LocalPath, MarkdownPreviewEndpoint.RenderAsync);
        return endpoints;
    }
}
