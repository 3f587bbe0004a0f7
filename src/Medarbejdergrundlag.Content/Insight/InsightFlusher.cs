using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Insight;

/// <summary>
/// Writes what <see cref="InsightCounter"/> has counted every <see cref="InsightOptions.FlushInterval"/>
/// and when the instance stops, as increments (<c>UPDATE … SET Count = Count + n</c>, or an insert when
/// the row is new), so any number of instances add to the same rows correctly. Counts that cannot be
/// written (a database outage) go back into memory for the next round. Days older than the retention
/// become monthly totals.
/// </summary>
public sealed class InsightFlusher(
    InsightCounter counter, IServiceScopeFactory scopes, IOptionsMonitor<InsightOptions> options, ILogger<InsightFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(6);

    private DateTime _retainedAt = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CurrentValue.FlushInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await FlushAsync(CancellationToken.None);
            if (DateTime.UtcNow - _retainedAt > RetentionInterval)
            {
                try
                {
                    await RetainAsync(stoppingToken);
                    _retainedAt = DateTime.UtcNow;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Folding old daily insight counts into months failed; trying again later");
                }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    /// <summary>Writes every count taken so far. Returns false (and keeps them) when the database would not take them.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken = default)
    {
        var views = counter.TakeViews();
        var searches = counter.TakeSearches();
        var clicks = counter.TakeClicks();
        if (views.Count + searches.Count + clicks.Count == 0)
        {
            return true;
        }

        var written = (Views: 0, Searches: 0, Clicks: 0);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            foreach (var view in views)
            {
                await AddViewAsync(db, view.Key.Path, view.Key.Day, false, view.Count, cancellationToken);
                written.Views++;
            }

            foreach (var search in searches)
            {
                await AddSearchAsync(db, search.Key.Query, search.Key.Day, false, search.Count, search.Results, cancellationToken);
                written.Searches++;
            }

            foreach (var click in clicks)
            {
                await AddClickAsync(db, click.Key.Query, click.Key.Day, false, click.Key.Position, click.Count, cancellationToken);
                written.Clicks++;
            }

            return true;
        }
        catch (Exception ex)
        {
            counter.Return(views[written.Views..], searches[written.Searches..], clicks[written.Clicks..]);
            logger.LogWarning(ex, "Writing insight counts failed; they are kept in memory for the next round");
            return false;
        }
    }

    /// <summary>Daily counts older than the retention become the month's totals, in one transaction.</summary>
    public async Task RetainAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.ToCopenhagen() - options.CurrentValue.DailyRetention);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var views = await db.PageViewCounts.AsNoTracking().Where(c => !c.Monthly && c.Day < cutoff).ToListAsync(cancellationToken);
        foreach (var month in views.GroupBy(c => (c.Path, Month: FirstOfMonth(c.Day))))
        {
            await AddViewAsync(db, month.Key.Path, month.Key.Month, true, month.Sum(c => c.Count), cancellationToken);
        }

        var searches = await db.SearchCounts.AsNoTracking().Where(c => !c.Monthly && c.Day < cutoff).ToListAsync(cancellationToken);
        foreach (var month in searches.GroupBy(c => (c.Query, Month: FirstOfMonth(c.Day))))
        {
            await AddSearchAsync(db, month.Key.Query, month.Key.Month, true, month.Sum(c => c.Count), month.MaxBy(c => c.Day)!.Results, cancellationToken);
        }

        var clicks = await db.SearchClickCounts.AsNoTracking().Where(c => !c.Monthly && c.Day < cutoff).ToListAsync(cancellationToken);
        foreach (var month in clicks.GroupBy(c => (c.Query, Month: FirstOfMonth(c.Day), c.Position)))
        {
            await AddClickAsync(db, month.Key.Query, month.Key.Month, true, month.Key.Position, month.Sum(c => c.Count), cancellationToken);
        }

        await db.PageViewCounts.Where(c => !c.Monthly && c.Day < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.SearchCounts.Where(c => !c.Monthly && c.Day < cutoff).ExecuteDeleteAsync(cancellationToken);
        await db.SearchClickCounts.Where(c => !c.Monthly && c.Day < cutoff).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    // Each increment: an UPDATE that adds, or, when no row is there yet, an INSERT. Two instances
    // inserting the same new row at once: the second fails on the key and adds by UPDATE instead.
    private static Task AddViewAsync(ContentDbContext db, string path, DateOnly day, bool monthly, long n, CancellationToken cancellationToken) =>
        IncrementAsync(db,
            () => db.PageViewCounts.Where(c => c.Path == path && c.Day == day && c.Monthly == monthly)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + n), cancellationToken),
            () => db.PageViewCounts.Add(new PageViewCount { Path = path, Day = day, Monthly = monthly, Count = n }), cancellationToken);

    private static Task AddSearchAsync(ContentDbContext db, string query, DateOnly day, bool monthly, long n, int results, CancellationToken cancellationToken) =>
        IncrementAsync(db,
            () => db.SearchCounts.Where(c => c.Query == query && c.Day == day && c.Monthly == monthly)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + n).SetProperty(c => c.Results, results), cancellationToken),
            () => db.SearchCounts.Add(new SearchCount { Query = query, Day = day, Monthly = monthly, Count = n, Results = results }), cancellationToken);

    private static Task AddClickAsync(ContentDbContext db, string query, DateOnly day, bool monthly, int position, long n, CancellationToken cancellationToken) =>
        IncrementAsync(db,
            () => db.SearchClickCounts.Where(c => c.Query == query && c.Day == day && c.Monthly == monthly && c.Position == position)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Count, c => c.Count + n), cancellationToken),
            () => db.SearchClickCounts.Add(new SearchClickCount { Query = query, Day = day, Monthly = monthly, Position = position, Count = n }), cancellationToken);

    private static async Task IncrementAsync(ContentDbContext db, Func<Task<int>> update, Action insert, CancellationToken cancellationToken)
    {
        if (await update() > 0)
        {
            return;
        }

        insert();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Database.CurrentTransaction is null)
        {
            // Another instance made the row in between: add to it.
            db.ChangeTracker.Clear();
            if (await update() == 0)
            {
                throw;
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }
}
