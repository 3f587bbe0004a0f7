using AngleSharp.Dom;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Components;

/// <summary>Renders a component the way every page does, through <see cref="StaticComponent"/> (bunit does not restore here).</summary>
internal static class ComponentRendering
{
    public static async Task<IDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance).BuildServiceProvider();
        var html = await StaticComponent.RenderAsync<TComponent>(new DefaultHttpContext { RequestServices = services }, parameters);
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return Html.Parse(writer.ToString());
    }
}
