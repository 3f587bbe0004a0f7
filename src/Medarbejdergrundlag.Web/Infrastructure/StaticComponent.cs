using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Html;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// Renders a Razor component to HTML at once, on its own renderer. The <c>&lt;component&gt;</c> tag
/// helper's output is written later, on the framework's dispatcher, which the <c>&lt;cache&gt;</c> tag
/// helper cannot do (it throws "The current thread is not associated with the Dispatcher"); pages
/// whose content is cached render their components with this instead.
/// </summary>
public static class StaticComponent
{
    public static async Task<IHtmlContent> RenderAsync<TComponent>(HttpContext context, Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlString(html);
    }
}
