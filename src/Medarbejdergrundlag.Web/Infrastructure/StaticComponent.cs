using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Html;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The one way the portal renders a Razor component into a page: at once, to plain HTML, with the
/// framework's <see cref="HtmlRenderer"/> (the public API for rendering components outside an
/// interactive app). Pages call <c>@(await StaticComponent.RenderAsync&lt;CopyLink&gt;(HttpContext, new() { ["Url"] = … }))</c>.
/// Why not the <c>&lt;component&gt;</c> tag helper (or <c>Html.RenderComponentAsync</c>, the same thing):
/// its output is a deferred value written later on the framework's dispatcher, which the
/// <c>&lt;cache&gt;</c> tag helper cannot hold (it throws "The current thread is not associated with
/// the Dispatcher"), so it works on some pages and not inside a <c>&lt;cache&gt;</c> tag (the change log, <see cref="PageCache"/>).
/// The portal's components are static (no interactivity), so nothing of the tag helper's
/// prerendering is needed, and this is also how the tests render them.
/// </summary>
public static class StaticComponent
{
    public static async Task<IHtmlContent> RenderAsync<TComponent>(HttpContext context, Dictionary<string, object?> parameters)
        where TComponent : IComponent =>
        new HtmlString(await RenderToStringAsync<TComponent>(context, parameters));

    /// <summary>
    /// The same, as a string: the per-reader slots of the whole-page cache. The renderer writes text
    /// with the app's <see cref="System.Text.Encodings.Web.HtmlEncoder"/> (from the request's
    /// services), the one that leaves æ, ø and å as themselves, like every page.
    /// </summary>
    public static async Task<string> RenderToStringAsync<TComponent>(HttpContext context, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
