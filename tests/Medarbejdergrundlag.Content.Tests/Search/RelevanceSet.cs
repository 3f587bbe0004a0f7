using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Search;

/// <summary>What kind of search a relevance query stands for, so a miss says what broke.</summary>
public enum QueryKind
{
    /// <summary>A word as it stands in a title.</summary>
    Exact,

    /// <summary>Another form of the word: plural, definite, derived.</summary>
    Inflection,

    /// <summary>ae/oe/aa for æ/ø/å, or capitals.</summary>
    Spelling,

    /// <summary>The beginning of a word.</summary>
    PartWord,

    /// <summary>A word spelled wrong.</summary>
    Typo,

    /// <summary>A word or phrase from the body text, not the title.</summary>
    BodyText,

    /// <summary>An English word for something the portal says in Danish.</summary>
    English,
}

/// <summary>A query an employee would type, and the page that should come first.</summary>
public sealed record RelevanceCase(string Query, string Expected, QueryKind Kind)
{
    public override string ToString() => $"»{Query}« ({Kind}) → {Expected}";
}

/// <summary>
/// Queries written from the seeded content (Seed/*.md) and the example courses
/// (ExampleCourseSeeder), each with the one result that should come first. Only queries with one
/// clearly right answer are here: where two pages say the same thing ("2 dage på Phønix"), a
/// person would accept either, and such a query would measure the tie-break, not the engine.
/// </summary>
public static class RelevanceSet
{
    private const string Charter = "/medarbejdergrundlag#";
    private const string Bearing = "/pejlemaerker/";
    private const string Course = "/phoenix/forloeb/eksempel-";
    private const string Rammen = "/phoenix#afsnit-phoenix-phoenix-er-rammen-for-kommunens-kompetenceudvikling";
    private const string Forandringer = "/phoenix#afsnit-phoenix-forandringer-saetter-nye-krav-til-kompetenceudvikling";

    public static IReadOnlyList<RelevanceCase> Cases { get; } =
    [
        // Titles as written.
        new("mod", Bearing + "mod", QueryKind.Exact),
        new("udvikling", Bearing + "udvikling", QueryKind.Exact),
        new("handlekraft", Bearing + "handlekraft", QueryKind.Exact),
        new("fællesskab", Bearing + "faellesskab", QueryKind.Exact),
        new("samskabelse", Charter + "samskabelse", QueryKind.Exact),
        new("social kapital", Charter + "social-kapital", QueryKind.Exact),
        new("god ledelse", Charter + "god-ledelse-og-en-arbejdsplads-i-udvikling", QueryKind.Exact),
        new("forebyggelse", Charter + "samarbejde-forebyggelse-og-faellesskaber", QueryKind.Exact),
        new("phønix", "/phoenix", QueryKind.Exact),
        new("svære samtaler", Course + "mod-til-at-sige-det-svaere", QueryKind.Exact),

        // Other forms of the word.
        new("fællesskaber", Bearing + "faellesskab", QueryKind.Inflection),
        new("fællesskabet", Bearing + "faellesskab", QueryKind.Inflection),
        new("udviklende", Bearing + "udvikling", QueryKind.Inflection),
        new("ledelsen", Charter + "god-ledelse-og-en-arbejdsplads-i-udvikling", QueryKind.Inflection),
        new("modet", Bearing + "mod", QueryKind.Inflection),
        new("handlekraftig", Bearing + "handlekraft", QueryKind.Inflection),
        new("sociale kapital", Charter + "social-kapital", QueryKind.Inflection),
        new("samskabelsen", Charter + "samskabelse", QueryKind.Inflection),
        new("ledernetværk", Course + "ledere-i-faellesskab", QueryKind.Inflection),
        new("forandring", Course + "ledelse-i-forandring", QueryKind.Inflection),
        new("kompetencerne i spil", Charter + "saet-viden-og-kompetencer-i-spil", QueryKind.Inflection),

        // Spelling without æ, ø, å, or in capitals.
        new("faellesskab", Bearing + "faellesskab", QueryKind.Spelling),
        new("FÆLLESSKAB", Bearing + "faellesskab", QueryKind.Spelling),
        new("phoenix", "/phoenix", QueryKind.Spelling),
        new("aabenhed", Bearing + "mod", QueryKind.Spelling),
        new("saet viden i spil", Charter + "saet-viden-og-kompetencer-i-spil", QueryKind.Spelling),
        new("aeldre og handicap", Course + "handlekraft-i-hverdagen", QueryKind.Spelling),
        new("boern og unge", Course + "ledelse-i-forandring", QueryKind.Spelling),

        // The beginning of a word, as typed before the rest.
        new("samskab", Charter + "samskabelse", QueryKind.PartWord),
        new("handlekr", Bearing + "handlekraft", QueryKind.PartWord),
        new("kreativ", Bearing + "mod", QueryKind.PartWord),
        new("hovedudv", Charter + "kaere-medarbejder", QueryKind.PartWord),

        // Typos.
        new("fælesskab", Bearing + "faellesskab", QueryKind.Typo),
        new("handlekarft", Bearing + "handlekraft", QueryKind.Typo),
        new("samskapelse", Charter + "samskabelse", QueryKind.Typo),
        new("fønix", "/phoenix", QueryKind.Typo),
        new("retfærdihed", Charter + "social-kapital", QueryKind.Typo),
        new("kreativtet", Bearing + "mod", QueryKind.Typo),
        new("udviklig", Bearing + "udvikling", QueryKind.Typo),
        new("forbyggelse", Charter + "samarbejde-forebyggelse-og-faellesskaber", QueryKind.Typo),

        // Words from the body, not the title.
        new("tillid", Charter + "social-kapital", QueryKind.BodyText),
        new("trivsel", Charter + "social-kapital", QueryKind.BodyText),
        new("anerkendende respekt", Charter + "social-kapital", QueryKind.BodyText),
        new("helhedsorienterede", Charter + "samskabelse", QueryKind.BodyText),
        new("gennemsigtighed", Bearing + "mod", QueryKind.BodyText),
        new("tydelige rammer og retning", Bearing + "handlekraft", QueryKind.BodyText),
        new("billigere velfærd", Bearing + "faellesskab", QueryKind.BodyText),
        new("hovedudvalget", Charter + "kaere-medarbejder", QueryKind.BodyText),
        new("ny virkelighed ny velfærd", Charter + "kaere-medarbejder", QueryKind.BodyText),
        new("skoledag", Charter + "god-ledelse-og-en-arbejdsplads-i-udvikling", QueryKind.BodyText),
        new("1. marts 2014", Rammen, QueryKind.BodyText),
        new("videreuddannelse", Rammen, QueryKind.BodyText),
        new("krav til kompetenceudvikling", Forandringer, QueryKind.BodyText),
        new("idéer til handling", Course + "handlekraft-i-hverdagen", QueryKind.BodyText),
        new("netværk for ledere", Course + "ledere-i-faellesskab", QueryKind.BodyText),

        // English words for what the portal says in Danish.
        new("DNA", Rammen, QueryKind.English),
        new("social capital", Charter + "social-kapital", QueryKind.English),
        new("leadership", Charter + "god-ledelse-og-en-arbejdsplads-i-udvikling", QueryKind.English),
        new("courage", Bearing + "mod", QueryKind.English),
        new("co-creation", Charter + "samskabelse", QueryKind.English),
        new("community", Bearing + "faellesskab", QueryKind.English),
    ];

    /// <summary>The documents the portal searches, from the seeded content plus the example courses.</summary>
    public static async Task<IReadOnlyList<SearchDocument>> SiteDocumentsAsync()
    {
        await using var database = await TestDatabase.CreateAsync(initialize: false);
        await database.Services.InitializeContentStoreAsync(exampleCourses: true);
        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();
        return SiteSearchDocuments.From(site).ToList();
    }

    /// <summary>How one engine did on every case: where the expected page came (1-based, 0 if not in the top 3).</summary>
    public static RelevanceScore Score(Func<string, IReadOnlyList<SearchHit>> search)
    {
        var ranks = Cases.Select(c =>
        {
            var hits = search(c.Query);
            var rank = hits.Take(3).Select(h => h.Url).ToList().IndexOf(c.Expected) + 1;
            return (Case: c, Rank: rank, Got: hits.Count > 0 ? hits[0].Url : "(nothing)");
        }).ToList();
        return new RelevanceScore(ranks);
    }
}

public sealed class RelevanceScore(IReadOnlyList<(RelevanceCase Case, int Rank, string Got)> ranks)
{
    public IReadOnlyList<(RelevanceCase Case, int Rank, string Got)> Ranks { get; } = ranks;

    public int Top1 => Ranks.Count(r => r.Rank == 1);

    public int Top3 => Ranks.Count(r => r.Rank is >= 1 and <= 3);

    public int Count => Ranks.Count;

    public string Summary => $"top-1 {Top1}/{Count} ({100.0 * Top1 / Count:F0} %), top-3 {Top3}/{Count} ({100.0 * Top3 / Count:F0} %)";

    /// <summary>Every case that did not come first: what was asked, what was expected, what came.</summary>
    public string Misses => string.Join(Environment.NewLine, Ranks.Where(r => r.Rank != 1).Select(r =>
        $"  {r.Case}: {(r.Rank == 0 ? "not in the top 3" : $"came {r.Rank}.")}, first was {r.Got}"));

    public string PerKind => string.Join(", ", Ranks.GroupBy(r => r.Case.Kind).Select(g =>
        $"{g.Key} {g.Count(r => r.Rank == 1)}/{g.Count(r => r.Rank >= 1)}/{g.Count()}"));
}
