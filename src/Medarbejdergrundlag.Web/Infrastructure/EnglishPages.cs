using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The English pages: every public page also answers under <c>/en</c>, with the same path after it,
/// so a manager switches a link's language by its prefix. The prefix alone decides the language: a
/// Danish link always opens in Danish, whatever the browser prefers.
/// </summary>
public static class EnglishPages
{
    /// <summary>Pages readers share links to. Sign-in, account, error, consultation and admin pages stay Danish only.</summary>
    public static bool HasTwin(string viewEnginePath, string? area) =>
        area is null && !viewEnginePath.StartsWith("/Konto/", StringComparison.Ordinal) && viewEnginePath != "/Fejl"
        // A consultation link shows a Danish draft to the few it was sent to; it has no English page.
        && !viewEnginePath.StartsWith("/Hoering/", StringComparison.Ordinal);

    /// <summary>True when the page being rendered has an English twin (and so a language switch).</summary>
    public static bool HasTwin(ViewContext context) =>
        context.ActionDescriptor is PageActionDescriptor page && HasTwin(page.ViewEnginePath, page.AreaName);

    /// <summary>The query that asks an admin page for the English text: <c>?sprog=en</c>.</summary>
    public const string LanguageQuery = "sprog";

    /// <summary>
    /// The admin preview of a translation (<c>/admin/indhold/{id}/forhaandsvisning?sprog=en</c>) is made
    /// as an English page is, English interface words and layout included; it is the one admin page
    /// that is ever English.
    /// </summary>
    public static bool IsEnglishPreview(HttpRequest request) =>
        request.Path.StartsWithSegments("/admin/indhold", StringComparison.OrdinalIgnoreCase)
        && request.Path.Value!.EndsWith("/forhaandsvisning", StringComparison.OrdinalIgnoreCase)
        && request.Query[LanguageQuery] == PortalCulture.EnglishCode;

    /// <summary>
    /// A page's meta description: the item's summary where it is in the page's language, else the
    /// portal's own words, since a meta tag cannot say that its text is Danish.
    /// </summary>
    public static string Description(PublishedItem? item, IStringLocalizer t) =>
        item is { LanguageIfOther: null } ? item.Summary() : t["Odense Kommunes medarbejdergrundlag: Sammen om udvikling."];

    public static void AddEnglishPages(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RazorPagesOptions>(options => options.Conventions.Add(new TwinRoutes()));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(PortalCulture.Danish);
            options.SupportedCultures = options.SupportedUICultures = [PortalCulture.Danish, PortalCulture.English];
            options.RequestCultureProviders.Clear();
            options.RequestCultureProviders.Add(new PathPrefixCultureProvider());
        });
    }

    /// <summary>Adds "en/…" beside each public page's route.</summary>
    private sealed class TwinRoutes : IPageRouteModelConvention
    {
        public void Apply(PageRouteModel model)
        {
            if (!HasTwin(model.ViewEnginePath, model.AreaName))
            {
                return;
            }

            foreach (var selector in model.Selectors.ToList())
            {
                var template = selector.AttributeRouteModel?.Template ?? "";
                model.Selectors.Add(new SelectorModel
                {
                    AttributeRouteModel = new AttributeRouteModel
                    {
                        Template = template.Length == 0 ? "en" : "en/" + template.TrimStart('/'),
                    },
                });
            }
        }
    }

    /// <summary>
    /// English under /en (and the admin's English preview), Danish everywhere else; nothing else
    /// (cookie, browser) is asked.
    /// </summary>
    private sealed class PathPrefixCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
        {
            var path = httpContext.Request.Path;
            var english = path.StartsWithSegments(PortalPaths.EnglishPrefix, StringComparison.OrdinalIgnoreCase)
                || IsEnglishPreview(httpContext.Request);
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(english ? PortalCulture.English.Name : PortalCulture.Danish.Name));
        }
    }
}
