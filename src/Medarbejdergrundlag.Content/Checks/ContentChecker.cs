using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>Settings under <c>ContentChecks</c>.</summary>
public sealed class ContentCheckOptions
{
    public const string Section = "ContentChecks";

    /// <summary>LIX above this is a warning. 45 is where "svær" begins.</summary>
    public double LixThreshold { get; set; } = 45;

    /// <summary>Texts shorter than this get no LIX warning: a score over a few sentences says little.</summary>
    public int MinimumWordsForLix { get; set; } = 40;
}

/// <summary>What a text is checked against: the site's pages, its own page, and where its headings start.</summary>
/// <param name="HeadingBase">The level of the heading the text sits under on its page (1 below a page's h1).</param>
public sealed record CheckContext(SiteLinkMap Site, string PagePath, int HeadingBase = 1, string Language = PortalCulture.DanishCode);

/// <summary>
/// Checks rendered HTML (what <see cref="Markdown.MarkdigRenderer"/> stores) for accessibility,
/// readability and links, on the server. Images are decorative when written <c>![dekorativ](…)</c>
/// (or <c>![decorative](…)</c>): the renderer writes them with an empty alt and role="presentation".
/// An empty alt alone (<c>![](…)</c>) is what a forgotten description looks like, so it blocks.
/// </summary>
public sealed partial class ContentChecker(PublishedContentStore store, IOptions<ContentCheckOptions> options)
{
    private static readonly HtmlParser Parser = new();

    private static readonly HashSet<string> VagueLinkTexts = new(StringComparer.OrdinalIgnoreCase)
    {
        // Danish (the issue's list and its near relatives).
        "klik her", "her", "læs mere", "mere", "se mere", "link", "klik", "læs her", "se her", "dette link", "linket", "mere info", "mere information",
        // English.
        "click here", "here", "read more", "more", "see more", "learn more", "this link", "click", "more info", "more information", "link here",
    };

    private readonly Lock _gate = new();
    private SiteCheckReport? _report;

    public ContentCheckOptions Options => options.Value;

    /// <summary>
    /// For a publish gate: checks a draft as it would be published, against the current published
    /// site with the draft standing in for its item. Blocking findings are in
    /// <see cref="ContentCheckResult.Blocking"/>. Builds the site's map from the cached snapshot.
    /// </summary>
    public async Task<ContentCheckResult> CheckDraftAsync(PublishedItem draft)
    {
        // Inside a publish's transaction: the snapshot this instance holds, never a wait for the
        // database (which that transaction may hold). It is at most a moment old.
        var danish = store.Peek(PortalCulture.DanishCode) ?? await store.GetAsync(PortalCulture.DanishCode);
        var english = store.Peek(PortalCulture.EnglishCode) ?? await store.GetAsync(PortalCulture.EnglishCode);
        var map = SiteLinkMap.Build(danish, english, draft);
        return Check(draft, map, options.Value);
    }

    /// <summary>Only images and links can make a blocking finding: a text with neither needs no site map.</summary>
    public static bool MayHaveBlockingFindings(PublishedItem item) => HasLinkOrImage(ComposeHtml(item));

    private static bool HasLinkOrImage(string html) =>
        html.Contains("<a ", StringComparison.Ordinal) || html.Contains("<img", StringComparison.Ordinal);

    /// <summary>
    /// Every published item's findings (Danish and English), worst first. Computed once per
    /// published snapshot and kept until the next publish; never on a public request.
    /// </summary>
    public async Task<SiteCheckReport> SiteReportAsync()
    {
        var danish = await store.GetAsync(PortalCulture.DanishCode);
        var english = await store.GetAsync(PortalCulture.EnglishCode);
        lock (_gate)
        {
            if (_report is { } cached && cached.DanishStamp == danish.Stamp && cached.EnglishStamp == english.Stamp)
            {
                return cached;
            }
        }

        var report = SiteCheckReport.Build(danish, english, options.Value);
        lock (_gate)
        {
            _report = report;
        }

        return report;
    }

    /// <summary>One item's text: its lead, body and a bearing's points and questions, checked on its own page.</summary>
    public static ContentCheckResult Check(PublishedItem item, SiteLinkMap site, ContentCheckOptions options) =>
        Check(ComposeHtml(item), new CheckContext(site, PageOf(item), HeadingBaseOf(item.Kind), item.Language), options);

    /// <summary>The address of the page the item's text is read on: under /en for a translation, so "#…" means its English headings.</summary>
    public static string PageOf(PublishedItem item) =>
        item.Language == PortalCulture.EnglishCode
            ? PortalPaths.InLanguage(PortalCulture.EnglishCode, SiteLinkMap.PathOf(item))
            : SiteLinkMap.PathOf(item);

    /// <summary>The item's HTML as one fragment, in the order its page shows it.</summary>
    public static string ComposeHtml(PublishedItem item) =>
        string.Concat(
            item.LeadHtml.Length > 0 ? $"<p>{item.LeadHtml}</p>" : "",
            item.BodyHtml,
            item.PointsHtml.Length > 0 ? $"<ul>{item.PointsHtml}</ul>" : "",
            item.DialogQuestionsHtml.Length > 0 ? $"<ul>{item.DialogQuestionsHtml}</ul>" : "");

    /// <summary>
    /// The level of the heading a kind's text sits under: a page's h1 for pages of their own, the
    /// section's h2 on the charter, a leg's h3.
    /// </summary>
    public static int HeadingBaseOf(ContentKind kind) => kind switch
    {
        ContentKind.CharterSection => 2,
        ContentKind.Leg => 3,
        _ => 1,
    };

    public static ContentCheckResult Check(string html, CheckContext context, ContentCheckOptions options)
    {
        var document = Parser.ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body!;
        var findings = new List<ContentFinding>();
        var heading = (Id: (string?)null, Text: (string?)null);
        var previousLevel = context.HeadingBase;

        foreach (var element in body.QuerySelectorAll("*"))
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    var level = element.LocalName[1] - '0';
                    var text = Normalize(element.TextContent);
                    if (text.Length == 0)
                    {
                        findings.Add(Finding(
                            CheckRules.EmptyHeading,
                            $"Der er en tom overskrift {Where(heading.Text, "efter")}.",
                            "Skriv en overskrift, der siger, hvad afsnittet handler om, eller fjern #-tegnene.",
                            element.Id));
                    }
                    else if (level > previousLevel + 1)
                    {
                        findings.Add(Finding(
                            CheckRules.SkippedHeadingLevel,
                            $"Overskriften »{text}« er på niveau {level}, men overskriften før den er på niveau {previousLevel}, så niveau {previousLevel + 1} springes over.",
                            $"Brug {new string('#', previousLevel + 1)} i stedet for {new string('#', level)}, så niveauerne følger hinanden. Skærmlæserbrugere navigerer efter overskrifternes niveauer.",
                            element.Id,
                            text));
                    }

                    previousLevel = level;
                    heading = (element.Id, text.Length > 0 ? text : heading.Text);
                    break;
                case "img":
                    CheckImage(element, heading, findings);
                    break;
                case "a":
                    CheckLink(element, heading, context, findings);
                    break;
                case "table":
                    // Markdig's pipe tables always write a header row, so a header row left empty is the fault.
                    if (element.QuerySelectorAll("th").All(th => Normalize(th.TextContent).Length == 0))
                    {
                        findings.Add(Finding(
                            CheckRules.TableWithoutHeaders,
                            $"Tabellen {Where(heading.Text, "under")} har ingen kolonneoverskrifter.",
                            "Giv tabellen en overskriftsrække: skriv overskrifterne i første række og |---|---| i rækken under.",
                            heading.Id,
                            Excerpt(Normalize(element.TextContent))));
                    }

                    break;
            }
        }

        var blocks = TextBlocks(body).ToList();
        foreach (var (block, anchor, near) in blocks)
        {
            foreach (var sentence in Readability.Sentences(block))
            {
                if (IsAllCapitals(sentence))
                {
                    findings.Add(Finding(
                        CheckRules.AllCapitals,
                        $"Sætningen »{Excerpt(sentence)}« {Where(near, "under")} er skrevet med store bogstaver.",
                        "Skriv med almindelige store og små bogstaver, og fremhæv med fed (**…**). Tekst i versaler er svær at læse, og skærmlæsere kan læse den bogstav for bogstav.",
                        anchor,
                        Excerpt(sentence)));
                }
            }
        }

        var readability = Readability.Score(blocks.Select(b => b.Text));
        if (readability.Words >= options.MinimumWordsForLix && readability.Lix > options.LixThreshold)
        {
            var culture = PortalCulture.Danish;
            findings.Add(Finding(
                CheckRules.Readability,
                string.Create(culture, $"Teksten har LIX {readability.Lix:0} ({readability.Band}): {readability.LongWordShare:P0} af ordene er lange (over seks bogstaver), og sætningerne har i gennemsnit {(double)readability.Words / readability.Sentences:0.#} ord."),
                "Del de lange sætninger op, og vælg kortere ord, hvor det kan lade sig gøre. De længste sætninger: "
                    + string.Join(" ", readability.LongestSentences.Select(s => $"»{Excerpt(s, 120)}«")),
                null,
                readability.LongestSentences.Count > 0 ? Excerpt(readability.LongestSentences[0]) : null));
        }

        var ordered = findings
            .OrderByDescending(f => f.Severity)
            .ToList();
        return new ContentCheckResult(ordered, readability);
    }
}
