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
public sealed class ContentChecker(PublishedContentStore store, IOptions<ContentCheckOptions> options)
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
        var danish = await store.GetAsync(PortalCulture.DanishCode);
        var english = await store.GetAsync(PortalCulture.EnglishCode);
        var map = SiteLinkMap.Build(danish, english, draft);
        return Check(draft, map, options.Value);
    }

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

    private static void CheckImage(IElement image, (string? Id, string? Text) heading, List<ContentFinding> findings)
    {
        var alt = image.GetAttribute("alt");
        var role = image.GetAttribute("role");
        if (!string.IsNullOrWhiteSpace(alt) || role is "presentation" or "none")
        {
            return;
        }

        var source = image.GetAttribute("src") ?? "";
        var name = Uri.TryCreate(new Uri("http://portal.invalid/"), source, out var uri) && uri.Segments.Length > 0
            ? Uri.UnescapeDataString(uri.Segments[^1])
            : source;
        findings.Add(Finding(
            CheckRules.ImageWithoutAlt,
            $"Billedet »{name}« {Where(heading.Text, "under")} har ingen alternativ tekst.",
            "Skriv i de firkantede klammer, hvad billedet viser, f.eks. ![Kolleger i samtale ved et bord](…). Er billedet kun pynt, så skriv ![dekorativ](…).",
            heading.Id,
            name));
    }

    private static void CheckLink(IElement link, (string? Id, string? Text) heading, CheckContext context, List<ContentFinding> findings)
    {
        var name = AccessibleName(link);
        var href = link.GetAttribute("href") ?? "";
        if (name.Length > 0)
        {
            var bare = name.TrimEnd('.', ',', ':', ';', '!', '?');
            if (VagueLinkTexts.Contains(bare))
            {
                findings.Add(Finding(
                    CheckRules.VagueLinkText,
                    $"Linkteksten »{name}« {Where(heading.Text, "under")} siger ikke, hvor linket fører hen.",
                    "Skriv, hvad læseren finder, f.eks. »Læs mere om ferieregler«. Skærmlæserbrugere hører ofte linkene uden teksten omkring dem.",
                    heading.Id,
                    name));
            }
            else if (IsAddress(bare))
            {
                findings.Add(Finding(
                    CheckRules.BareUrlLinkText,
                    $"Linkteksten {Where(heading.Text, "under")} er selve adressen »{name}«.",
                    "Skriv sidens eller tjenestens navn som linktekst, f.eks. [Digitaliseringsstyrelsens klageformular](https://…). En adresse bliver læst op tegn for tegn.",
                    heading.Id,
                    name));
            }
        }

        var label = name.Length > 0 ? $"Linket »{name}«" : "Et link";
        if (href.StartsWith('#'))
        {
            CheckAnchor(href[1..], context.PagePath, "denne side", context.Site.Resolve(context.PagePath), label, heading, findings);
            return;
        }

        if (!Uri.TryCreate(new Uri("http://portal.invalid" + context.PagePath), href, out var target)
            || target.Host != "portal.invalid")
        {
            // Another site, mail, or an address the renderer would not have let through.
            return;
        }

        var path = Uri.UnescapeDataString(target.AbsolutePath);
        var resolved = context.Site.Resolve(path);
        if (!resolved.Exists)
        {
            findings.Add(Finding(
                CheckRules.BrokenLink,
                $"{label} {Where(heading.Text, "under")} fører til {path}, som ikke findes eller ikke er udgivet.",
                "Ret adressen til en udgivet side, eller fjern linket. Er siden på vej, så udgiv den først.",
                heading.Id,
                href));
            return;
        }

        if (target.Fragment.Length > 1)
        {
            CheckAnchor(Uri.UnescapeDataString(target.Fragment[1..]), path, path, resolved, label, heading, findings);
        }
    }

    private static void CheckAnchor(string anchor, string path, string pageName, LinkTarget target, string label, (string? Id, string? Text) heading, List<ContentFinding> findings)
    {
        if (anchor.Length == 0 || target.Anchors is null || target.Anchors.Contains(anchor))
        {
            return;
        }

        findings.Add(Finding(
            CheckRules.BrokenAnchor,
            $"{label} {Where(heading.Text, "under")} peger på afsnittet #{anchor} på {pageName}, men der er intet afsnit med det navn dér.",
            "Vælg et afsnit, der findes (adressen på en overskrift kan kopieres fra den udgivne side), eller link til hele siden.",
            heading.Id,
            path + "#" + anchor));
    }

    /// <summary>What a screen reader announces for the link: its text, with images' alt text.</summary>
    private static string AccessibleName(IElement link)
    {
        var parts = new List<string>();
        foreach (var node in link.Descendants())
        {
            if (node is IText text)
            {
                parts.Add(text.Data);
            }
            else if (node is IElement { LocalName: "img" } image)
            {
                parts.Add(image.GetAttribute("alt") ?? "");
            }
        }

        return Normalize(string.Join(" ", parts));
    }

    private static bool IsAddress(string text) =>
        !text.Contains(' ', StringComparison.Ordinal)
        && (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"));

    private static bool IsAllCapitals(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Count(char.IsLetter) >= 2);
        var letters = sentence.Count(char.IsLetter);
        return words >= 3 && letters >= 12 && !sentence.Any(char.IsLower);
    }

    /// <summary>
    /// The text of each block (paragraph, list item, heading, cell), with the heading it sits
    /// under. Code is left out: it is not prose.
    /// </summary>
    private static IEnumerable<(string Text, string? Anchor, string? Near)> TextBlocks(IElement body)
    {
        var current = (Id: (string?)null, Text: (string?)null);
        var results = new List<(string, string?, string?)>();
        Walk(body);
        return results;

        void Walk(IElement container)
        {
            var inline = new List<string>();
            foreach (var child in container.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        inline.Add(text.Data);
                        break;
                    case IElement { LocalName: "pre" or "code" or "hr" }:
                        break;
                    case IElement element when IsBlock(element):
                        Flush();
                        if (element.LocalName is ['h', >= '1' and <= '6'])
                        {
                            current = (element.Id, Normalize(element.TextContent));
                            results.Add((current.Text, current.Id, null));
                        }
                        else
                        {
                            Walk(element);
                        }

                        break;
                    case IElement element:
                        inline.Add(element.TextContent);
                        break;
                }
            }

            Flush();

            void Flush()
            {
                var text = Normalize(string.Concat(inline));
                if (text.Length > 0)
                {
                    results.Add((text, current.Id, current.Text));
                }

                inline.Clear();
            }
        }
    }

    private static bool IsBlock(IElement element) => element.LocalName is
        "p" or "ul" or "ol" or "li" or "blockquote" or "table" or "thead" or "tbody" or "tr" or "td" or "th" or "div"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    private static ContentFinding Finding(string rule, string message, string advice, string? anchor, string? excerpt = null) =>
        new(rule, CheckRules.SeverityOf(rule), message, advice, anchor, excerpt);

    private static string Where(string? heading, string preposition) =>
        heading is null ? "i begyndelsen af teksten" : $"{preposition} overskriften »{Excerpt(heading, 60)}«";

    private static string Normalize(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Excerpt(string text, int length = 80) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1).TrimEnd(), "…");
}
