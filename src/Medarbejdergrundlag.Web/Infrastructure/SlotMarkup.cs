using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// A slot's component, rendered once per model and kept: a slot runs on every view of a page that
/// is otherwise served from memory, and an <c>HtmlRenderer</c> per request cost most of the
/// charter's throughput (measured with tests/load/compare.sh). What differs per reader within one
/// model (a form token, a feed link with its token) is rendered as <see cref="Marker"/> and put in
/// per request through the app's <see cref="HtmlEncoder"/>, as Orchard Core's
/// <c>AntiForgeryDynamicCacheService</c> does with the token in cached shapes.
/// </summary>
public sealed class SlotMarkup(HtmlEncoder encoder) : IDisposable
{
    /// <summary>Stands for the per-reader value; random per process, letters and digits only, so every encoder writes it as it is.</summary>
    public static readonly string Marker = "mgvalue" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Models kept at most (statuses by day and change, feed expiry days): far more than occur.</summary>
    public const long SizeLimit = 10_000;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    /// <summary>
    /// The component's HTML for the model <paramref name="key"/> names (with the language; the key
    /// must say everything the parameters carry), with <paramref name="value"/> where the marker is.
    /// </summary>
    public async ValueTask<string> RenderAsync<TComponent>(HttpContext context, string key, Func<Dictionary<string, object?>> parameters, string? value = null)
        where TComponent : IComponent
    {
        var fullKey = $"{typeof(TComponent).FullName}|{System.Globalization.CultureInfo.CurrentUICulture.Name}|{key}";
        if (!_rendered.TryGetValue(fullKey, out string? html) || html is null)
        {
            html = await StaticComponent.RenderToStringAsync<TComponent>(context, parameters());
            _rendered.Set(fullKey, html, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = PageCache.Sliding });
        }

        return value is null ? html : html.Replace(Marker, encoder.Encode(value), StringComparison.Ordinal);
    }

    public void Dispose() => _rendered.Dispose();
}
