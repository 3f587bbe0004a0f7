namespace Medarbejdergrundlag.Content.Insight;

/// <summary><c>Insight:*</c>: what HR's insight counts, how often it writes, and how long it keeps days.</summary>
public sealed class InsightOptions
{
    public const string Section = "Insight";

    /// <summary>Count page views and searches at all (off: nothing is counted, /admin/indsigt shows what was).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each instance writes what it has counted, as increments.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long daily counts are kept; older days become monthly totals.</summary>
    public TimeSpan DailyRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Searches made fewer times than this in the period shown are never shown.</summary>
    public int MinimumQueryCount { get; set; } = 5;
}
