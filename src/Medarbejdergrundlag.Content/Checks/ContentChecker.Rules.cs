using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>The single rules: images, links and anchors, and the text helpers they share.</summary>
public sealed partial class ContentChecker
{
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
