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
/// Whole-page output cache for signed-in readers (issue 18). A page marked with
/// <see cref="WholePageCacheAttribute"/> is rendered once per published snapshot and address
/// (<see cref="PageCache.Key"/>) with markers where its <see cref="IPageSlot"/>s go; every request
/// after that writes the stored bytes with the reader's own slots in between, without running the
/// page or Razor. A publish makes a new snapshot and so a new key: the next request renders anew.
/// A page whose HTML also depends on the time sets <see cref="ValidUntilItem"/>.
/// ASP.NET Core's output caching is not used: it stores a response for everyone and cannot put one
/// reader's name into it.
/// </summary>
public sealed class WholePageCache(
    PageSlots slots, PublishedContentStore content, LinkBuilder links, TimeProvider clock, ILogger<WholePageCache> logger,
    Medarbejdergrundlag.Content.Insight.InsightCounter insight, Microsoft.Extensions.Options.IOptionsMonitor<Medarbejdergrundlag.Content.Insight.InsightOptions> insightOptions)
{
    /// <summary>HttpContext.Items key: a <see cref="DateTimeOffset"/> after which the page must be rendered again.</summary>
    public const string ValidUntilItem = "mg.page.valid-until";

    /// <summary>
    /// The bytes kept at most: 64 MB, or an eighth of the memory the GC may use in a smaller container.
    /// The least used pages go first (search makes one page per query).
    /// </summary>
    public static readonly long SizeLimit = Medarbejdergrundlag.Content.MemoryBudget.AtMost(64L * 1024 * 1024, 1.0 / 8);

    private static readonly byte[] AntiforgeryField = "__RequestVerificationToken"u8.ToArray();

    private static readonly System.Security.Claims.ClaimsPrincipal TemplateReader = new(new System.Security.Claims.ClaimsIdentity(authenticationType: "page-template"));

    /// <summary>
    /// Headers that are not the page's to keep: cookies belong to the reader of the request that
    /// rendered it, the length differs per reader, and Server-Timing times that one render.
    /// </summary>
    private static readonly HashSet<string> PerResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        Microsoft.Net.Http.Headers.HeaderNames.SetCookie,
        Microsoft.Net.Http.Headers.HeaderNames.ContentLength,
        Microsoft.Net.Http.Headers.HeaderNames.Date,
        "Server-Timing",
    };

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource<Template?>> _rendering = new(StringComparer.Ordinal);

    /// <summary>How many pages are kept (for tests).</summary>
    public int Count => _cache.Count;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || context.User.Identity?.IsAuthenticated != true
            || context.GetEndpoint()?.Metadata.GetMetadata<WholePageCacheAttribute>() is null)
        {
            await next(context);
            return;
        }

        var site = await content.GetAsync();
        var key = PageCache.Key(site, context.Request, links);
        if (Kept(key) is { } template)
        {
            Medarbejdergrundlag.Content.PortalMetrics.PageCache(hit: true);
            CountForInsight(context, template);
            await WriteKeptAsync(context, template);
            return;
        }

        Medarbejdergrundlag.Content.PortalMetrics.PageCache(hit: false);

        // Readers who ask for a page while another request renders it wait for that one rather than
        // render it again: after a publish, every reader of a busy page misses at once.
        var mine = new TaskCompletionSource<Template?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = _rendering.GetOrAdd(key, mine);
        if (rendering != mine)
        {
            if (await rendering.Task.WaitAsync(context.RequestAborted) is { } rendered)
            {
                CountForInsight(context, rendered);
                await WriteKeptAsync(context, rendered);
            }
            else
            {
                // That page was not kept (a redirect, an error, a token): this reader's own request runs it.
                await RenderAsync(context, next, key);
            }

            return;
        }

        try
        {
            mine.SetResult(await RenderAsync(context, next, key));
        }
        catch
        {
            mine.TrySetResult(null);
            throw;
        }
        finally
        {
            _rendering.TryRemove(new KeyValuePair<string, TaskCompletionSource<Template?>>(key, mine));
        }
    }

    private Template? Kept(string key) =>
        _cache.TryGetValue(key, out Template? template) && (template!.ValidUntil is not { } until || clock.GetUtcNow() < until) ? template : null;

    private static Task WriteKeptAsync(HttpContext context, Template template)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        foreach (var (name, value) in template.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return WriteAsync(context, template);
    }

    /// <summary>Runs the page as the template reader, writes it for this reader, and returns it if it was kept.</summary>
    private async Task<Template?> RenderAsync(HttpContext context, RequestDelegate next, string key)
    {
        var body = context.Response.Body;
        var reader = context.User;
        var before = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        using var buffer = new MemoryStream();
        context.Items[PageSlots.TemplateItem] = true;
        context.Response.Body = buffer;
        // The template is rendered for nobody in particular: a signed-in user without name, id or
        // roles. Whatever the page might show of its reader outside a slot, it cannot show this one's.
        context.User = TemplateReader;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.User = reader;
            context.Items.Remove(PageSlots.TemplateItem);
        }

        var html = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var (parts, found) = slots.Split(html);
        // The headers the page set (Content-Type, Content-Language, its own caching), kept with it.
        // Not cookies (they belong to this request's reader), nor what describes this one response.
        var headers = context.Response.Headers
            .Where(h => !PerResponseHeaders.Contains(h.Key) && !(before.TryGetValue(h.Key, out var was) && was == h.Value))
            .ToArray();
        if (!context.Response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.ContentType))
        {
            headers = [.. headers, new(Microsoft.Net.Http.Headers.HeaderNames.ContentType, "text/html; charset=utf-8")];
        }

        var template = new Template(parts, found, headers,
            context.Items.TryGetValue(ValidUntilItem, out var validUntil) ? (DateTimeOffset)validUntil! : null,
            InsightPath(context.Request.Path), context.Items.TryGetValue(Insight.InsightRequests.SearchItem, out var search) ? search as Insight.SearchSeen : null);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            // A redirect, or a status the error pages fill in further out: as it is, with this reader's slots.
            if (buffer.Length > 0)
            {
                await WriteAsync(context, template, setLength: false);
            }

            return null;
        }

        CountForInsight(context, template);
        var kept = html.IndexOf(AntiforgeryField) < 0;
        if (kept)
        {
            _cache.Set(key, template, new MemoryCacheEntryOptions
            {
                Size = html.Length,
                SlidingExpiration = PageCache.Sliding,
                AbsoluteExpiration = template.ValidUntil,
            });
        }
        else
        {
            // A token belongs to one reader; a page carrying one is never kept.
            logger.LogWarning("{Path} is marked for the whole-page cache but carries an antiforgery token; it is not cached.", context.Request.Path);
        }

        await WriteAsync(context, template);
        return kept ? template : null;
    }

    private static async Task WriteAsync(HttpContext context, Template template, bool setLength = true)
    {
        var values = new byte[template.Slots.Length][];
        long length = template.FixedLength;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Encoding.UTF8.GetBytes(await template.Slots[i].RenderAsync(context));
            length += values[i].Length;
        }

        if (setLength)
        {
            context.Response.ContentLength = length;
        }

        var writer = context.Response.BodyWriter;
        for (var i = 0; i < template.Parts.Length; i++)
        {
            writer.Write(template.Parts[i]);
            if (i < values.Length)
            {
                writer.Write(values[i]);
            }
        }

        await writer.FlushAsync(context.RequestAborted);
    }

    /// <summary>
    /// HR's insight counts the view of a page as it is served, here in memory (a striped, lock-free
    /// counter; <see cref="Medarbejdergrundlag.Content.Insight.InsightCounter"/>): no reader, just the page
    /// and the day. A search page counts as its search.
    /// </summary>
    private void CountForInsight(HttpContext context, Template template)
    {
        if (!insightOptions.CurrentValue.Enabled || !Insight.InsightRequests.Countable(context.Request))
        {
            return;
        }

        if (template.Search is { } search)
        {
            insight.Search(search.Query, search.Results);
        }
        else
        {
            insight.View(template.Path);
        }
    }

    private static string InsightPath(PathString path)
    {
        var value = (path.Value ?? "/").ToLowerInvariant();
        return value.Length > 200 ? value[..200] : value;
    }

    private sealed record Template(
        byte[][] Parts, IPageSlot[] Slots, KeyValuePair<string, StringValues>[] Headers, DateTimeOffset? ValidUntil, string Path, Insight.SearchSeen? Search)
    {
        public long FixedLength { get; } = Parts.Sum(p => (long)p.Length);
    }
}
