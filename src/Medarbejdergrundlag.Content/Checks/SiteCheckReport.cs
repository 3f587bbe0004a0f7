using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>One published text's findings: a Danish item, or a published English translation.</summary>
public sealed record ItemCheck(PublishedItem Item, string Path, ContentCheckResult Result)
{
    public string Language => Item.Language;
}

/// <summary>
/// The findings of everything published, worst first: most blocking findings, then most warnings,
/// then the hardest text. Belongs to one pair of snapshots (<see cref="DanishStamp"/>,
/// <see cref="EnglishStamp"/>).
/// </summary>
public sealed record SiteCheckReport(long DanishStamp, long EnglishStamp, IReadOnlyList<ItemCheck> Items)
{
    public int BlockingCount => Items.Sum(i => i.Result.BlockingCount);

    public int WarningCount => Items.Sum(i => i.Result.WarningCount);

    public static SiteCheckReport Build(PublishedSite danish, PublishedSite english, ContentCheckOptions options)
    {
        var map = SiteLinkMap.Build(danish, english);
        var texts = danish.Items
            .Concat(english.Items.Where(i => i.Language == PortalCulture.EnglishCode))
            .Select(item => new ItemCheck(
                item,
                ContentChecker.PageOf(item),
                ContentChecker.Check(item, map, options)))
            .OrderByDescending(c => c.Result.BlockingCount)
            .ThenByDescending(c => c.Result.WarningCount)
            .ThenByDescending(c => c.Result.Readability.Lix)
            .ThenBy(c => c.Item.SortOrder)
            .ToList();
        return new SiteCheckReport(danish.Stamp, english.Stamp, texts);
    }
}
