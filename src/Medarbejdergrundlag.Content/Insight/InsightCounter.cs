using System.Collections.Concurrent;

namespace Medarbejdergrundlag.Content.Insight;

/// <summary>
/// Counts in memory, per instance: page views per path and day, searches per redacted query and day,
/// clicks per query, day and position. A view is one dictionary lookup and an interlocked increment
/// (the cached charter's hit path calls it), never a database write; <see cref="InsightFlusher"/> takes
/// the counts away as increments every few seconds. Bounded: past <see cref="MaxKeys"/> distinct keys in
/// one window, new ones are dropped until the next flush.
/// </summary>
public sealed class InsightCounter(TimeProvider clock)
{
    public const int MaxKeys = 20_000;

    private readonly ConcurrentDictionary<(string Path, DateOnly Day), Tally> _views = new();
    private readonly ConcurrentDictionary<(string Query, DateOnly Day), Tally> _searches = new();
    private readonly ConcurrentDictionary<(string Query, DateOnly Day, int Position), Tally> _clicks = new();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.ToCopenhagen());

    public void View(string path) => Add(_views, (path, Today), 1);

    /// <summary>A search: counted under its normalised, redacted query (nothing when none is left).</summary>
    public void Search(string? query, int results)
    {
        if (QueryRedaction.Normalize(query) is { } normalized && Add(_searches, (normalized, Today), 1) is { } tally)
        {
            Volatile.Write(ref tally.Results, results);
        }
    }

    public void Click(string? query, int position)
    {
        if (position is > 0 and <= 100 && QueryRedaction.Normalize(query) is { } normalized)
        {
            Add(_clicks, (normalized, Today, position), 1);
        }
    }

    internal List<Taken<(string Path, DateOnly Day)>> TakeViews() => Take(_views);

    internal List<Taken<(string Query, DateOnly Day)>> TakeSearches() => Take(_searches);

    internal List<Taken<(string Query, DateOnly Day, int Position)>> TakeClicks() => Take(_clicks);

    /// <summary>Puts counts back that could not be written, so a database outage loses none.</summary>
    internal void Return(List<Taken<(string Path, DateOnly Day)>> views, List<Taken<(string Query, DateOnly Day)>> searches,
        List<Taken<(string Query, DateOnly Day, int Position)>> clicks)
    {
        Return(_views, views);
        Return(_searches, searches);
        Return(_clicks, clicks);
    }

    private static void Return<TKey>(ConcurrentDictionary<TKey, Tally> counts, List<Taken<TKey>> taken)
        where TKey : notnull
    {
        foreach (var (key, count, results) in taken)
        {
            if (Add(counts, key, count, force: true) is { } tally)
            {
                Volatile.Write(ref tally.Results, results);
            }
        }
    }

    private static Tally? Add<TKey>(ConcurrentDictionary<TKey, Tally> counts, TKey key, long n, bool force = false)
        where TKey : notnull
    {
        if (!counts.TryGetValue(key, out var tally))
        {
            if (!force && counts.Count >= MaxKeys)
            {
                return null;
            }

            tally = counts.GetOrAdd(key, _ => new Tally());
        }

        Interlocked.Add(ref tally.Value, n);
        return tally;
    }

    /// <summary>
    /// Each key's count so far, reset to zero in place (an increment racing with it lands in the next
    /// flush, never lost); keys of days before yesterday that counted nothing are let go.
    /// </summary>
    private List<Taken<TKey>> Take<TKey>(ConcurrentDictionary<TKey, Tally> counts)
        where TKey : notnull
    {
        var taken = new List<Taken<TKey>>();
        var yesterday = Today.AddDays(-1);
        foreach (var (key, tally) in counts)
        {
            var n = Interlocked.Exchange(ref tally.Value, 0);
            if (n > 0)
            {
                taken.Add(new(key, n, Volatile.Read(ref tally.Results)));
            }
            else if (DayOf(key) < yesterday)
            {
                counts.TryRemove(key, out _);
            }
        }

        return taken;
    }

    private static DateOnly DayOf<TKey>(TKey key) => key switch
    {
        ValueTuple<string, DateOnly> k => k.Item2,
        ValueTuple<string, DateOnly, int> k => k.Item2,
        _ => DateOnly.MaxValue,
    };

    private sealed class Tally
    {
        public long Value;
        public int Results;
    }
}

/// <summary>A key's count taken for writing, with the latest result count (searches only).</summary>
internal readonly record struct Taken<TKey>(TKey Key, long Count, int Results);
