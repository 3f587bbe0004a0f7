using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// Finds the portal's Danish interface words on an English page: in text, in the title and meta
/// description, and in what screen readers read (aria-label, alt, title, placeholder), outside every
/// part marked <c>lang="da"</c> (Danish text shown where no translation is published). Addresses
/// are left out: they are Danish on purpose (/en/phoenix/forloeb).
/// </summary>
public static partial class DanishInterfaceWords
{
    /// <summary>
    /// Words of the Danish interface that English never uses, chosen so that none is also an English
    /// word ("hold", "for", "send" and "med" are not here).
    /// </summary>
    public static readonly IReadOnlyList<string> Words =
    [
        "Tilmelding", "Kopiér", "Kopier", "Forløb", "Søg", "Søgning", "Målgruppe", "Forvaltning", "forvaltninger", "Længde",
        "Næste", "Kommende", "ledige", "pladser", "Aflyst", "Fuldt", "booket", "Føj", "kalender", "kalenderlink", "Træner",
        "Bekræft", "bekræftede", "bekræftelser", "Forside", "Pejlemærke", "pejlemærker", "pejlemærkerne", "Spørgsmål",
        "Velkommen", "Velkomstmail", "Linket", "Nulstil", "Vis", "dage", "dag", "kl", "Tilføjet", "Fjernet", "Ændringer",
        "Ændret", "Udgivet", "udgivet", "Tilbage", "Udskriv", "Brødkrummesti", "Læs", "læst", "forstået", "medarbejdergrundlag",
        "medarbejdergrundlaget", "Alle", "Ingen", "ingen", "og", "til", "af", "på", "ikke", "eller", "siden", "hvad", "kun",
        "Tilgængelighedserklæring", "indhold", "Hovedmenu", "Onboardingark", "Forslag", "ledere",
        "Medarbejdere", "Tværgående", "Ældre", "Børn", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
        "januar", "februar", "marts", "maj", "juni", "juli", "oktober", "væsentlig", "væsentlige", "ændring", "Har", "du",
    ];

    private static readonly HashSet<string> Lookup = new(Words, StringComparer.OrdinalIgnoreCase);

    private static readonly string[] ReadAttributes = ["aria-label", "alt", "title", "placeholder"];

    /// <summary>Each Danish word found, with where: "text: «Næste hold»", "aria-label: «Find forløb»".</summary>
    public static IReadOnlyList<string> Find(IDocument page)
    {
        var found = new List<string>();
        void Check(string where, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var words = Address().Replace(text, " ");
            foreach (Match word in Word().Matches(words))
            {
                if (Lookup.Contains(word.Value))
                {
                    found.Add($"{where}: «{word.Value}» in «{Regex.Replace(text, @"\s+", " ").Trim()}»");
                }
            }
        }

        // The title and meta tags cannot be marked Danish; where they repeat a Danish name the page
        // marks Danish (an untranslated course's title), that name is content, not interface.
        var danishNames = page.Body!.QuerySelectorAll("*").Where(IsDanish)
            .Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim())
            .Where(t => t.Length is > 0 and <= 200)
            .Distinct()
            .OrderByDescending(t => t.Length)
            .ToList();
        string WithoutDanishNames(string? text) =>
            danishNames.Aggregate(text ?? "", (rest, name) => rest.Replace(name, " ", StringComparison.Ordinal));

        Check("title", WithoutDanishNames(page.Title));
        foreach (var meta in page.QuerySelectorAll("meta[name=description], meta[property='og:title'], meta[property='og:description'], meta[property='og:site_name']"))
        {
            Check(meta.GetAttribute("name") ?? meta.GetAttribute("property")!, WithoutDanishNames(meta.GetAttribute("content")));
        }

        foreach (var element in page.Body!.QuerySelectorAll("*").Prepend(page.Body))
        {
            if (element.LocalName is "script" or "style" or "template" || IsDanish(element))
            {
                continue;
            }

            foreach (var text in element.ChildNodes.OfType<IText>())
            {
                Check("text", text.Data);
            }

            foreach (var attribute in ReadAttributes)
            {
                Check(attribute, element.GetAttribute(attribute));
            }

            // A textarea's text is its value (the welcome email): it is checked as text above.
        }

        return found;
    }

    /// <summary>Fails with every Danish word found, and where.</summary>
    public static void AssertNone(IDocument page, string? address = null)
    {
        var found = Find(page);
        if (found.Count > 0)
        {
            Assert.Fail($"Danish interface words on the English page {address ?? page.Url}:\n" + string.Join("\n", found));
        }
    }

    /// <summary>Inside a part marked Danish: the element or one of its ancestors says lang="da".</summary>
    private static bool IsDanish(IElement element) =>
        element.Closest("[lang]") is { } marked && marked.GetAttribute("lang")!.StartsWith("da", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    /// <summary>Addresses and paths (http://…, /en/phoenix/forloeb, an e-mail address): Danish on purpose.</summary>
    [GeneratedRegex(@"\S*(?:://|/|@)\S*")]
    private static partial Regex Address();
}
