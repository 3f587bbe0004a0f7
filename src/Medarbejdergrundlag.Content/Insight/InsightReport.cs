using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Insight;

/// <summary>A page's views in the last 7, 30 and 90 days, and the 7 days before the last 7 (the trend).</summary>
public sealed record PageViews(string Path, string Title, long Last7, long Last30, long Last90, long Previous7);

/// <summary>A published item nobody opened in 180 days, and when it is due for review.</summary>
public sealed record UnreadItem(int ItemId, string Title, string Path, DateOnly? ReviewBy);

/// <summary>A query searched at least the minimum number of times in the period, its latest result count and its clicks by position.</summary>
public sealed record QueryFigures(string Query, long Count, int Results, IReadOnlyList<(int Position, long Clicks)> Clicks);

/// <summary>One point of a series by day; null: not shown (under the smallest figure, or giving one away by subtraction).</summary>
public sealed record DayFigure(DateOnly Day, long? Value);

/// <summary>An item a material change changed: its title and the editor's change note.</summary>
public sealed record ChangedItem(string Title, string? ChangeNote);

/// <summary>
/// How far one material change reached: how many readers confirmed the version it made, day by day
/// from its publication until the next material change (<paramref name="Until"/>; null: it is in force).
/// </summary>
public sealed record ConfirmationProgress(DateTime PublishedAt, DateTime? Until, IReadOnlyList<ChangedItem> Items, IReadOnlyList<DayFigure> Days);

public sealed record InsightFigures(
    DateOnly Today, IReadOnlyList<DayFigure> ViewsByDay, IReadOnlyList<PageViews> Pages, IReadOnlyList<UnreadItem> Unread,
    IReadOnlyList<QueryFigures> TopSearches, IReadOnlyList<QueryFigures> ZeroResults, IReadOnlyList<ConfirmationProgress> Confirmations);

/// <summary>
/// What /admin/indsigt shows, from the counts (no personal data in them) and the confirmations (counted
/// here, never listed). Figures under <see cref="Smallest"/> are never given as numbers.
/// </summary>
public sealed class InsightReport(ContentDbContext db, PublishedContentStore content, ChangeHistory history, IOptions<InsightOptions> options, TimeProvider clock)
{
    /// <summary>The smallest figure shown as a number, as on HR's confirmation figures.</summary>
    public const int Smallest = 5;

    public const int ChartDays = 30;

    /// <summary>The material changes whose confirmations are shown, the newest first.</summary>
    public const int ChangesShown = 5;

    /// <summary>The days a change's confirmations are shown for at most; earlier ones are added into the first.</summary>
    public const int ConfirmationDays = 90;

    public async Task<InsightFigures> GetAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.ToCopenhagen());
        var from180 = today.AddDays(-179);
        var from90 = today.AddDays(-89);
        var views = await db.PageViewCounts.AsNoTracking().Where(c => !c.Monthly && c.Day >= from180)
            .Select(c => new { c.Path, c.Day, c.Count }).ToListAsync(cancellationToken);

        var byDay = views.GroupBy(v => v.Day).ToDictionary(g => g.Key, g => g.Sum(v => v.Count));
        var viewsByDay = Enumerable.Range(0, ChartDays).Select(i => today.AddDays(i - ChartDays + 1))
            .Select(d => new DayFigure(d, Shown(byDay.GetValueOrDefault(d)))).ToList();

        var items = await db.Items.AsNoTracking()
            .Where(i => !i.IsArchived && i.PublishedRevision != null)
            .Select(i => new { i.Id, i.Kind, i.Key, i.PublishedRevision!.Slug, i.PublishedRevision.Title, i.ReviewBy })
            .ToListAsync(cancellationToken);
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var itemPaths = items.Select(i => new { i.Id, i.Title, i.ReviewBy, Path = PagePath(ContentKinds.Of(i.Kind).Path(i.Key, i.Slug)) }).ToList();
        foreach (var item in itemPaths)
        {
            titles.TryAdd(item.Path, item.Title);
        }

        titles[PagePath(PortalPaths.Charter)] = "Medarbejdergrundlaget";
        titles["/"] = "Forsiden";
        var pages = views.Where(v => v.Day >= from90).GroupBy(v => v.Path)
            .Select(g => new PageViews(g.Key, titles.GetValueOrDefault(g.Key, g.Key),
                g.Where(v => v.Day >= today.AddDays(-6)).Sum(v => v.Count), g.Where(v => v.Day >= today.AddDays(-29)).Sum(v => v.Count), g.Sum(v => v.Count),
                g.Where(v => v.Day >= today.AddDays(-13) && v.Day < today.AddDays(-6)).Sum(v => v.Count)))
            .OrderByDescending(p => p.Last30).ThenBy(p => p.Path, StringComparer.Ordinal)
            .ToList();

        var seen = views.Select(v => v.Path).ToHashSet(StringComparer.Ordinal);
        var unread = itemPaths.Where(i => !seen.Contains(i.Path))
            .Select(i => new UnreadItem(i.Id, i.Title, i.Path, i.ReviewBy))
            .OrderBy(i => i.ReviewBy ?? DateOnly.MaxValue).ThenBy(i => i.Title, PortalCulture.DanishOrder)
            .ToList();

        var from30 = today.AddDays(-29);
        var minimum = Math.Max(options.Value.MinimumQueryCount, 1);
        var searches = (await db.SearchCounts.AsNoTracking().Where(c => !c.Monthly && c.Day >= from30)
                .Select(c => new { c.Query, c.Day, c.Count, c.Results }).ToListAsync(cancellationToken))
            .GroupBy(c => c.Query)
            .Select(g => (Query: g.Key, Count: g.Sum(c => c.Count), Results: g.MaxBy(c => c.Day)!.Results))
            .Where(q => q.Count >= minimum)
            .ToList();
        var clicks = (await db.SearchClickCounts.AsNoTracking().Where(c => !c.Monthly && c.Day >= from30)
                .Select(c => new { c.Query, c.Position, c.Count }).ToListAsync(cancellationToken))
            .GroupBy(c => c.Query)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, long)>)g.GroupBy(c => c.Position).OrderBy(p => p.Key).Select(p => (p.Key, p.Sum(c => c.Count))).ToList(),
                StringComparer.Ordinal);
        QueryFigures Figures((string Query, long Count, int Results) q) => new(q.Query, q.Count, q.Results, clicks.GetValueOrDefault(q.Query, []));
        var top = searches.Where(q => q.Results > 0).OrderByDescending(q => q.Count).ThenBy(q => q.Query, StringComparer.Ordinal).Take(20).Select(Figures).ToList();
        var zero = searches.Where(q => q.Results == 0).OrderByDescending(q => q.Count).ThenBy(q => q.Query, StringComparer.Ordinal).Take(20).Select(Figures).ToList();

        return new InsightFigures(today, viewsByDay, pages, unread, top, zero, await ConfirmationsAsync(today, cancellationToken));
    }

    /// <summary>A figure as it may be shown: null under <see cref="Smallest"/> (0 is shown: it gives nobody away).</summary>
    public static long? Shown(long value) => value is > 0 and < Smallest ? null : value;

    /// <summary>The path views are counted under: lower case, without the section's #fragment.</summary>
    public static string PagePath(string path)
    {
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        return (hash < 0 ? path : path[..hash]).ToLowerInvariant();
    }

    private async Task<IReadOnlyList<ConfirmationProgress>> ConfirmationsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var site = await content.GetAsync();
        var revisions = await history.GetAsync(site, cancellationToken);
        // The charter's latest material changes, newest first (the Phønix page is not confirmed); items
        // published in the same moment (one approval, one schedule) are one change.
        var changes = revisions.Publications.Where(p => p.IsMaterialChange && CharterVersion.IsCharterKind(p.Kind))
            .GroupBy(p => p.PublishedAt!.Value).Take(ChangesShown).ToList();
        if (changes.Count == 0)
        {
            return [];
        }

        // Who confirmed which version when, since the oldest change shown: counted here, nothing but
        // days and totals leaves this method.
        var oldest = changes[^1].Key;
        var confirmations = await db.Confirmations.AsNoTracking().Where(c => c.ConfirmedAt >= oldest)
            .Select(c => new { c.SubjectId, c.Version, c.ConfirmedAt }).ToListAsync(cancellationToken);
        // Per version confirmed, the revision number it holds of each item.
        var holds = confirmations.Select(c => c.Version).Distinct(StringComparer.Ordinal).ToDictionary(v => v,
            v => CharterVersion.Parse(v).Select(revisions.Find).OfType<RevisionInfo>().GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.Max(r => r.Number)),
            StringComparer.Ordinal);

        var progress = new List<ConfirmationProgress>();
        for (var i = 0; i < changes.Count; i++)
        {
            var publishedAt = changes[i].Key;
            DateTime? until = i == 0 ? null : changes[i - 1].Key;
            var changed = changes[i].OrderBy(r => r.Title, PortalCulture.DanishOrder).ToList();
            // Each change's own window, up to the next material change: a version with the change in it,
            // confirmed while it was the one in force. The windows do not overlap, so no two series can
            // be subtracted from each other to single out a reader.
            var firstDays = confirmations
                .Where(c => c.ConfirmedAt >= publishedAt && (until is not { } next || c.ConfirmedAt < next)
                    && changed.All(r => holds[c.Version].TryGetValue(r.ItemId, out var number) && number >= r.Number))
                .GroupBy(c => c.SubjectId)
                .Select(g => DateOnly.FromDateTime(g.Min(c => c.ConfirmedAt).ToCopenhagen()))
                .GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
            var last = until is { } end ? DateOnly.FromDateTime(end.ToCopenhagen()) : today;
            var start = DateOnly.FromDateTime(publishedAt.ToCopenhagen());
            if (last.DayNumber - start.DayNumber >= ConfirmationDays)
            {
                start = last.AddDays(1 - ConfirmationDays);
                firstDays[start] = firstDays.Where(d => d.Key <= start).Sum(d => d.Value);
            }

            var running = new List<(DateOnly Day, long Total)>();
            long total = 0;
            for (var day = start; day <= last; day = day.AddDays(1))
            {
                total += firstDays.GetValueOrDefault(day);
                running.Add((day, total));
            }

            progress.Add(new ConfirmationProgress(publishedAt, until, changed.Select(r => new ChangedItem(r.Title, r.ChangeNote)).ToList(),
                ProtectedFigures.Running(running, Smallest)));
        }

        return progress;
    }
}
