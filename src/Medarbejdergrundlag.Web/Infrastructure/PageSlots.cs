using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// On a page model: the page's whole HTML, layout included, is the same for every reader apart
/// from its <see cref="IPageSlot"/>s, so <see cref="WholePageCache"/> keeps it and splices each
/// reader's slots in. A page with anything else that differs per reader (a form with an
/// antiforgery token, a per-user notice rendered by Razor) must not carry it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WholePageCacheAttribute : Attribute;

/// <summary>
/// A part of a page that differs per reader (their name, the menu items their role opens), made
/// in C# for each request and never cached. Register it as a singleton <see cref="IPageSlot"/>
/// and write it with <see cref="PageSlots.RenderAsync"/>; the layout and pages do so.
/// </summary>
public interface IPageSlot
{
    string Name { get; }

    /// <summary>The slot's HTML for this request's reader.</summary>
    ValueTask<string> RenderAsync(HttpContext context);
}

/// <summary>
/// Writes a slot: its HTML for the reader, or, while <see cref="WholePageCache"/> renders the
/// page's template, a marker it replaces for every reader. The marker carries a random value of
/// this process, so no text an editor writes can pose as one.
/// </summary>
public sealed class PageSlots(IEnumerable<IPageSlot> slots)
{
    internal const string TemplateItem = "mg.page.template";

    private static readonly string MarkerStart = $"<!--mg-slot-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}:";
    private const string MarkerEnd = "-->";

    private readonly Dictionary<string, IPageSlot> _slots = slots.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public async ValueTask<IHtmlContent> RenderAsync(HttpContext context, string name)
    {
        var slot = _slots[name];
        return new HtmlString(context.Items.ContainsKey(TemplateItem) ? MarkerStart + name + MarkerEnd : await slot.RenderAsync(context));
    }

    /// <summary>Splits a rendered template at its markers: n + 1 fixed parts around n slots.</summary>
    internal (byte[][] Parts, IPageSlot[] Slots) Split(ReadOnlySpan<byte> html)
    {
        var start = Encoding.UTF8.GetBytes(MarkerStart);
        var end = Encoding.UTF8.GetBytes(MarkerEnd);
        var parts = new List<byte[]>();
        var found = new List<IPageSlot>();
        while (html.IndexOf(start) is var at and >= 0)
        {
            var rest = html[(at + start.Length)..];
            var close = rest.IndexOf(end);
            parts.Add(html[..at].ToArray());
            found.Add(_slots[Encoding.UTF8.GetString(rest[..close])]);
            html = rest[(close + end.Length)..];
        }

        parts.Add(html.ToArray());
        return (parts.ToArray(), found.ToArray());
    }
}

/// <summary>The layout's per-reader parts: the reader's name and the menu items their role opens.</summary>
public static class LayoutSlots
{
    public const string UserName = "user-name";
    public const string RoleMenu = "role-menu";

    public static void AddLayoutSlots(this IServiceCollection services)
    {
        services.AddSingleton<PageSlots>();
        services.AddSingleton<SlotMarkup>();
        services.AddSingleton<WholePageCache>();
        services.AddSingleton<IPageSlot, UserNameSlot>();
        services.AddSingleton<IPageSlot, RoleMenuSlot>();
    }

    public static IApplicationBuilder UseWholePageCache(this IApplicationBuilder app)
    {
        var cache = app.ApplicationServices.GetRequiredService<WholePageCache>();
        return app.Use((context, next) => cache.InvokeAsync(context, next));
    }

    /// <summary>Whether the request is at or under <paramref name="prefix"/> (its menu item is the current page).</summary>
    public static bool IsAt(HttpContext context, string prefix)
    {
        var path = context.Request.Path.Value ?? "/";
        return prefix == "/" ? path == "/" : path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class UserNameSlot(HtmlEncoder encoder) : IPageSlot
    {
        public string Name => UserName;

        public ValueTask<string> RenderAsync(HttpContext context) => ValueTask.FromResult(encoder.Encode(context.User.Identity?.Name ?? ""));
    }

    private sealed class RoleMenuSlot(IAuthorizationService authorization) : IPageSlot
    {
        // The menu differs only by these four facts and the language: each variant is rendered once.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(bool, bool, bool, bool, string), string> _rendered = new();

        public string Name => RoleMenu;

        public async ValueTask<string> RenderAsync(HttpContext context)
        {
            var leader = (await authorization.AuthorizeAsync(context.User, Security.PortalRoles.LeaderPolicy)).Succeeded;
            var editor = context.User.IsInRole(Security.PortalRoles.Editor);
            var key = (leader, editor, IsAt(context, PortalPaths.Leaders), IsAt(context, "/admin"), System.Globalization.CultureInfo.CurrentUICulture.Name);
            if (!_rendered.TryGetValue(key, out var html))
            {
                html = await StaticComponent.RenderToStringAsync<Components.RoleMenu>(context, new()
                {
                    [nameof(Components.RoleMenu.Leader)] = leader,
                    [nameof(Components.RoleMenu.Editor)] = editor,
                    [nameof(Components.RoleMenu.AtLeaders)] = key.Item3,
                    [nameof(Components.RoleMenu.AtAdmin)] = key.Item4,
                });
                _rendered[key] = html;
            }

            return html;
        }
    }
}
