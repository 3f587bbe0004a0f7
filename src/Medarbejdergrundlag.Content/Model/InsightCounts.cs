namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// How often a page was viewed on a day (Copenhagen's), or in a month once the day is older than the
/// retention (<see cref="Monthly"/>, <see cref="Day"/> the month's first day). Only the page, the period
/// and the count: no reader, address, agent or session, by design (docs/operations.md, "Insight").
/// </summary>
public class PageViewCount
{
    /// <summary>The page's path, e.g. /pejlemaerker/mod.</summary>
    public required string Path { get; set; }

    public DateOnly Day { get; set; }

    public bool Monthly { get; set; }

    public long Count { get; set; }
}

/// <summary>How often a normalised, redacted query was searched in a period, and how many results it had the last time.</summary>
public class SearchCount
{
    public required string Query { get; set; }

    public DateOnly Day { get; set; }

    public bool Monthly { get; set; }

    public long Count { get; set; }

    /// <summary>The number of results at the latest search in the period.</summary>
    public int Results { get; set; }
}

/// <summary>How often a result at a position (1 = the first) of a query's results was opened in a period.</summary>
public class SearchClickCount
{
    public required string Query { get; set; }

    public DateOnly Day { get; set; }

    public bool Monthly { get; set; }

    public int Position { get; set; }

    public long Count { get; set; }
}
