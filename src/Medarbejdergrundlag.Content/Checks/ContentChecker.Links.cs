using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>A published text whose links a change would break, and those links' findings.</summary>
public sealed record BrokenInbound(PublishedItem Item, string Path, IReadOnlyList<ContentFinding> Findings)
{
    public string Language => Item.Language;
}

/// <summary>
/// The other side of the link checks: before an editor publishes, renames or archives, which
/// published texts link to a page or an anchor the change removes. Works on the published
/// snapshots, for editors only, never on a public request.
/// </summary>
public sealed partial class ContentChecker
{
    /// <summary>The published texts (Danish and English) whose links <paramref name="draft"/> would break if it were published.</summary>
    public async Task<IReadOnlyList<BrokenInbound>> LinksBrokenByPublishingAsync(PublishedItem draft)
    {
        var (danish, english) = await SnapshotsAsync();
        return BrokenInboundLinks(danish, english, SiteLinkMap.Build(danish, english, draft: draft), draft.Id, options.Value);
    }

    /// <summary>The published texts whose links archiving item <paramref name="itemId"/> would break.</summary>
    public async Task<IReadOnlyList<BrokenInbound>> LinksBrokenByArchivingAsync(int itemId)
    {
        var (danish, english) = await SnapshotsAsync();
        return BrokenInboundLinks(danish, english, SiteLinkMap.Build(danish, english, without: itemId), itemId, options.Value);
    }

    /// <summary>Checks an English draft of <paramref name="item"/> as the English pages would show it.</summary>
    public Task<ContentCheckResult> CheckTranslationAsync(ContentItem item, ContentRevision english) =>
        CheckDraftAsync(PublishedItem.FromRevision(item, english) with { Language = PortalCulture.EnglishCode });

    /// <summary>
    /// Links of texts other than <paramref name="changedId"/> that work on the site as published and
    /// lead nowhere on <paramref name="after"/>. A link that is already broken is not the change's doing.
    /// </summary>
    public static IReadOnlyList<BrokenInbound> BrokenInboundLinks(PublishedSite danish, PublishedSite english, SiteLinkMap after, int changedId, ContentCheckOptions options)
    {
        var before = SiteLinkMap.Build(danish, english);
        var broken = new List<BrokenInbound>();
        var changed = danish.Items.FirstOrDefault(i => i.Id == changedId);
        foreach (var item in danish.Items.Concat(english.Items.Where(i => i.Language == PortalCulture.EnglishCode)))
        {
            if (item.Id == changedId || !MayHaveBlockingFindings(item) || (changed is not null && !MayLinkTo(item, changed)))
            {
                continue;
            }

            var already = LinkFindings(Check(item, before, options)).Select(f => f.Message).ToHashSet(StringComparer.Ordinal);
            var now = LinkFindings(Check(item, after, options)).Where(f => !already.Contains(f.Message)).ToList();
            if (now.Count > 0)
            {
                broken.Add(new BrokenInbound(item, PageOf(item), now));
            }
        }

        return broken;
    }

    /// <summary>
    /// Whether <paramref name="item"/>'s text can link to <paramref name="target"/>'s page at all: it names
    /// the page's address, or (on a page they share, the charter) an anchor. Only those are checked, so a
    /// course's edit page does not check thousands of texts that cannot be affected.
    /// </summary>
    private static bool MayLinkTo(PublishedItem item, PublishedItem target)
    {
        var html = ComposeHtml(item);
        var path = SiteLinkMap.PathOf(target);
        return html.Contains("href=\"" + path, StringComparison.OrdinalIgnoreCase)
            || html.Contains("href=\"/en" + path, StringComparison.OrdinalIgnoreCase)
            || html.Contains("href=\"#", StringComparison.Ordinal)
            || (target.Slug.Length > 0 && html.Contains("/" + target.Slug, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<ContentFinding> LinkFindings(ContentCheckResult result) =>
        result.Findings.Where(f => f.RuleId is CheckRules.BrokenLink or CheckRules.BrokenAnchor);

    private async Task<(PublishedSite Danish, PublishedSite English)> SnapshotsAsync() =>
        (await store.GetAsync(PortalCulture.DanishCode), await store.GetAsync(PortalCulture.EnglishCode));
}
