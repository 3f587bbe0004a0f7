using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
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

        // A renamed bearing's or course's old address leads to its page too.
        bool OldAddressOfChanged(string target) =>
            changed is { Slug.Length: > 0 }
            && target[(target.LastIndexOf('/') + 1)..] is var slug
            && (string.Equals(danish.BearingRedirect(slug), changed.Slug, StringComparison.OrdinalIgnoreCase)
                || string.Equals(danish.CourseRedirect(slug), changed.Slug, StringComparison.OrdinalIgnoreCase));

        foreach (var text in Linking(danish, null).Concat(Linking(english, PortalCulture.EnglishCode)))
        {
            if (text.Item.Id == changedId || (changed is not null && !text.MayLinkTo(changed, OldAddressOfChanged)))
            {
                continue;
            }

            var already = BrokenBefore(before, text.Item, options);
            var now = LinkFindings(Check(text.Item, after, options)).Where(f => !already.Contains(f.Message)).ToList();
            if (now.Count > 0)
            {
                broken.Add(new BrokenInbound(text.Item, PageOf(text.Item), now));
            }
        }

        return broken;
    }

    /// <summary>
    /// A published text with a link or an image, and the addresses its links name (what comes before a
    /// query or an anchor; "#" for a link within its own page).
    /// </summary>
    private sealed record LinkingText(PublishedItem Item, string Page, string[] Targets)
    {
        /// <summary>
        /// Whether the text can link to <paramref name="target"/>'s page at all: it names the page's address
        /// (Danish or English, or the slug an old address redirects by), or it links within its own page and
        /// that page shows the target's text (the charter). Only those are checked, so a course's edit page
        /// does not check thousands of texts that cannot be affected. <paramref name="oldAddress"/> tells
        /// whether an address is one of the target's old ones.
        /// </summary>
        public bool MayLinkTo(PublishedItem target, Func<string, bool> oldAddress)
        {
            var path = SiteLinkMap.PathOf(target);
            var onCharter = SiteLinkMap.OnCharterPage(target.Kind);
            return Targets.Any(t => t == "#"
                ? Page.Equals(path, StringComparison.OrdinalIgnoreCase) || (onCharter && Page.Equals(SiteLinkMap.CharterPath, StringComparison.OrdinalIgnoreCase))
                : t.Equals(path, StringComparison.OrdinalIgnoreCase)
                    || t.Equals(PortalPaths.EnglishPrefix + path, StringComparison.OrdinalIgnoreCase)
                    || (onCharter && (t.Equals(SiteLinkMap.CharterPath, StringComparison.OrdinalIgnoreCase) || t.Equals(PortalPaths.EnglishPrefix + SiteLinkMap.CharterPath, StringComparison.OrdinalIgnoreCase)))
                    || (target.Slug.Length > 0 && t.Contains("/" + target.Slug, StringComparison.OrdinalIgnoreCase))
                    || oldAddress(t));
        }
    }

    [GeneratedRegex("href=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Href();

    /// <summary>
    /// A snapshot's texts in <paramref name="language"/> (all when null) that have a link or an image, with
    /// the addresses they link to: worked out once per snapshot, as only these can have a link a change breaks.
    /// </summary>
    private static List<LinkingText> Linking(PublishedSite site, string? language) =>
        (language is null ? LinkingTexts : LinkingTranslations).GetValue(site, s => s.Items
            .Where(i => language is null || i.Language == language)
            .Select(i => (Item: i, Html: ComposeHtml(i)))
            .Where(t => HasLinkOrImage(t.Html))
            .Select(t => new LinkingText(t.Item, SiteLinkMap.PathOf(t.Item), Href().Matches(t.Html)
                .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value) is var href && href.StartsWith('#') ? "#" : href.Split('#', '?')[0].TrimEnd('/'))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray()))
            .ToList());

    private static readonly ConditionalWeakTable<PublishedSite, List<LinkingText>> LinkingTexts = new();
    private static readonly ConditionalWeakTable<PublishedSite, List<LinkingText>> LinkingTranslations = new();

    /// <summary>
    /// The messages of <paramref name="item"/>'s links that are broken on the site as published: kept with that
    /// site's map, by the item's identity (a published text's record is the same instance for as long as the map).
    /// </summary>
    private static HashSet<string> BrokenBefore(SiteLinkMap published, PublishedItem item, ContentCheckOptions options) =>
        BrokenOnPublished.GetValue(published, _ => new(ReferenceEqualityComparer.Instance)).GetOrAdd(item, i => LinkFindings(Check(i, published, options)).Select(f => f.Message).ToHashSet(StringComparer.Ordinal));

    private static readonly ConditionalWeakTable<SiteLinkMap, ConcurrentDictionary<PublishedItem, HashSet<string>>> BrokenOnPublished = new();

    private static IEnumerable<ContentFinding> LinkFindings(ContentCheckResult result) =>
        result.Findings.Where(f => f.RuleId is CheckRules.BrokenLink or CheckRules.BrokenAnchor);

    private async Task<(PublishedSite Danish, PublishedSite English)> SnapshotsAsync() =>
        (await store.GetAsync(PortalCulture.DanishCode), await store.GetAsync(PortalCulture.EnglishCode));
}
