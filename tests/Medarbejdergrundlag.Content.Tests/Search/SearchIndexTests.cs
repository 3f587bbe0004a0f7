using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Search;

public sealed class SearchIndexTests
{
    [Theory]
    [InlineData("faellesskab")]
    [InlineData("fællesskab")]
    [InlineData("FÆLLESSKAB")]
    [InlineData("  Fællesskab ")]
    public async Task EverySpellingOfFaellesskabFindsTheBearingFirst(string query)
    {
        await using var database = await TestDatabase.CreateAsync();
        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        var first = site.Search.Search(query).Hits[0];

        Assert.Equal("Fællesskab", first.Title);
        Assert.Equal("/pejlemaerker/faellesskab", first.Url);
        Assert.Equal("Pejlemærke", first.Section);
    }

    [Fact]
    public async Task TheSeededSiteIsIndexedWithExactAnchors()
    {
        await using var database = await TestDatabase.CreateAsync();
        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        Assert.Equal("/medarbejdergrundlag#samskabelse", site.Search.Search("samskabelse").Hits[0].Url);
        Assert.Equal("/medarbejdergrundlag#social-kapital", site.Search.Search("social kapital").Hits[0].Url);
        Assert.Equal("/pejlemaerker/handlekraft", site.Search.Search("HANDLEKRAFT").Hits[0].Url);
        // The Phønix page is split at its h2 headings; each section links to its heading.
        Assert.Equal("/phoenix#afsnit-phoenix-phoenix-er-rammen-for-kommunens-kompetenceudvikling", site.Search.Search("1. marts 2014").Hits[0].Url);
        Assert.Equal("/phoenix", site.Search.Search("phønix").Hits[0].Url);
    }

    [Fact]
    public async Task ASnippetSaysALeadThatTheBodyRepeatsOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        // "Samarbejde, forebyggelse og fællesskaber": its lead is its body's first sentence.
        const string first = "fælles fokus på samarbejde, forebyggelse og fællesskaber.";
        var hit = site.Search.Search("fælles fokus").Hits.First(h => h.Url == "/medarbejdergrundlag#samarbejde-forebyggelse-og-faellesskaber");
        var text = System.Text.RegularExpressions.Regex.Replace(hit.SnippetHtml, "</?mark>", "");
        Assert.Contains(first, text);
        Assert.Equal(text.IndexOf(first, StringComparison.Ordinal), text.LastIndexOf(first, StringComparison.Ordinal));
    }

    [Fact]
    public void OnlyARepeatAtTheVeryStartIsDropped()
    {
        Assert.Equal("Vi går forrest. Og vi tør.", SiteSearchDocuments.WithoutRepeatedStart("Vi går forrest. Vi går forrest. Og vi tør."));
        Assert.Equal("Mod Mod til at slippe idéer løs", SiteSearchDocuments.WithoutRepeatedStart("Mod Mod til at slippe idéer løs"));
        Assert.Equal("En sætning. Noget andet. En sætning.", SiteSearchDocuments.WithoutRepeatedStart("En sætning. Noget andet. En sætning."));
    }

    [Fact]
    public async Task APartWordFindsTheWholeWord()
    {
        await using var database = await TestDatabase.CreateAsync();
        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();

        var hit = site.Search.Search("samskab").Hits[0];

        Assert.Equal("Samskabelse", hit.Title);
        Assert.Contains("<mark>Samskabelse</mark>", hit.TitleHtml);
    }

    [Fact]
    public void ATitleHitRanksAboveABodyFullOfTheWord()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("Noget andet", "/a", "Test", string.Join(' ', Enumerable.Repeat("kompas og kurs", 20))),
            new SearchDocument("Kompasset", "/b", "Test", "Her står ordet ikke i brødteksten."),
        ]);

        var hits = index.Search("kompas").Hits;

        Assert.Equal(["/b", "/a"], hits.Select(h => h.Url));
    }

    [Fact]
    public void ADocumentWithEveryQueryWordRanksAboveOneWithOnlySome()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("Mod", "/mod", "Test", "Mod til at slippe kreativitet løs."),
            new SearchDocument("Noget", "/begge", "Test", "Mod og udvikling går hånd i hånd."),
        ]);

        Assert.Equal("/begge", index.Search("mod udvikling").Hits[0].Url);
    }

    [Fact]
    public void AShortTitleThatIsTheQueryBeatsALongTitleThatMentionsIt()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("Samarbejde, forebyggelse og fællesskaber", "/lang", "Test", "Om fællesskab."),
            new SearchDocument("Fællesskab", "/kort", "Test", "Om fællesskab."),
        ]);

        Assert.Equal(["/kort", "/lang"], index.Search("fællesskab").Hits.Select(h => h.Url));
    }

    [Fact]
    public void AWordWithATypoIsFoundAndMarkedButRanksBelowTheWordAsWritten()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("Handlekraft", "/rigtig", "Test", "Være handlekraftig og sætte i gang."),
            new SearchDocument("Handelskraft", "/naesten", "Test", "Et andet ord."),
        ]);

        var hits = index.Search("handlekarft").Hits;

        Assert.Equal("/rigtig", hits[0].Url);
        Assert.Equal("<mark>Handlekraft</mark>", hits[0].TitleHtml);
        Assert.Equal(["/rigtig"], index.Search("handlekraft").Hits.Take(1).Select(h => h.Url));
    }

    [Fact]
    public void AWholeWordRanksAboveAWordItOnlyBegins()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("Moderne tider", "/moderne", "Test", ""),
            new SearchDocument("Modet", "/mod", "Test", ""),
        ]);

        Assert.Equal(["/mod", "/moderne"], index.Search("mod").Hits.Select(h => h.Url));
    }

    [Fact]
    public void SnippetsAreEncodedSoAScriptQueryCannotInject()
    {
        var index = SearchIndex.Build(
        [
            new SearchDocument("<script>alert('titel')</script>", "/x", "Test", "Før <script>alert('x')</script> & efter \"citat\""),
        ]);

        var hit = Assert.Single(index.Search("<script>alert(1)</script>").Hits);

        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", hit.TitleHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>", hit.SnippetHtml);
        Assert.Contains("&amp;", hit.SnippetHtml);
        Assert.Contains("&lt;<mark>script</mark>&gt;", hit.TitleHtml);
        // Only our own <mark> tags are markup.
        Assert.Equal(["mark"], System.Text.RegularExpressions.Regex.Matches(hit.SnippetHtml, "<(/?)([a-z]+)").Select(m => m.Groups[2].Value).Distinct());
    }

    [Fact]
    public void SnippetsShowTheMatchesInContextAndMarkEveryForm()
    {
        var filler = string.Join(' ', Enumerable.Repeat("noget tekst her", 40));
        var index = SearchIndex.Build(
        [
            new SearchDocument("Titel", "/x", "Test", filler + " Vi skaber fællesskaber og FÆLLESSKAB sammen. " + filler),
        ]);

        var snippet = index.Search("faellesskab").Hits[0].SnippetHtml;

        Assert.Contains("Vi skaber <mark>fællesskaber</mark> og <mark>FÆLLESSKAB</mark> sammen.", snippet);
        Assert.StartsWith("… ", snippet);
        Assert.EndsWith(" …", snippet);
        Assert.True(snippet.Length < 400, $"snippet is {snippet.Length} characters");
    }

    [Fact]
    public void AWordThatIsNowhereFindsNothing()
    {
        var index = SearchIndex.Build([new SearchDocument("Mod", "/mod", "Test", "Mod til at slippe kreativitet løs.")]);

        var results = index.Search("blæksprutte");

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task PublishedTextIsFindableOnceTheSnapshotIsInvalidated()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        Assert.Equal(0, (await store.GetAsync()).Search.Search("blæksprutteøvelse").Total);

        await using (var db = database.NewContext())
        {
            var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
            var revision = new ContentRevision
            {
                Number = item.Revisions.Count + 1,
                Title = "Mod",
                Slug = "mod",
                PlainText = "Vi øver modet med en blæksprutteøvelse hver fredag.",
                CreatedAt = DateTime.UtcNow,
                CreatedBy = "test",
            };
            item.Revisions.Add(revision);
            await db.SaveChangesAsync();
            item.CurrentRevisionId = item.PublishedRevisionId = revision.Id;
            await db.SaveChangesAsync();
        }

        store.Invalidate();

        var hit = Assert.Single((await store.GetAsync()).Search.Search("blaeksprutteoevelse").Hits);
        Assert.Equal("/pejlemaerker/mod", hit.Url);
        Assert.Contains("<mark>blæksprutteøvelse</mark>", hit.SnippetHtml);
    }

    [Fact]
    public async Task ArchivedItemsCannotBeFound()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            (await db.Items.SingleAsync(i => i.Key == "samskabelse")).IsArchived = true;
            await db.SaveChangesAsync();
        }

        var store = database.Services.GetRequiredService<PublishedContentStore>();
        store.Invalidate();

        Assert.DoesNotContain((await store.GetAsync()).Search.Search("samskabelse").Hits, h => h.Url == "/medarbejdergrundlag#samskabelse");
    }

    [Fact]
    public void BuildingALargeIndexEndsWithACompactingCollectionOfTheWritersGarbage()
    {
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        var text = string.Join(' ', Enumerable.Repeat("kompas og kurs i fællesskab", 400));
        SearchIndex.Build(Enumerable.Range(0, 100).Select(i => new SearchDocument($"Afsnit {i}", $"/a{i}", "Test", text)));

        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before, "no full blocking collection after the build");
        Assert.True(after.Compacted);
    }
}
