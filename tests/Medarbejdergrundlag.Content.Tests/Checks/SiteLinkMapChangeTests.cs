using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// A draft's or an archive's map is the published site's kept map with the changed pages laid over it.
/// For every seeded text, in both languages, that map must answer every address exactly as a map built
/// from scratch on the changed site does.
/// </summary>
public sealed class SiteLinkMapChangeTests
{
    private static readonly List<PublishedItem> Danish = SeedDocument.LoadAll()
        .Select((doc, index) => CheckSite.Item(index + 1, doc.Kind, doc.Key, doc.Slug, doc.Body, doc.Lead, doc.Title, doc.Points, doc.Questions))
        .Append(CheckSite.Item(101, ContentKind.Course, "lederforloeb", "lederforloeb", "## Om forløbet\n\nTekst."))
        .Append(CheckSite.Item(102, ContentKind.Course, "modets-dag", "modets-dag", "## Program\n\nTekst."))
        .ToList();

    private static readonly List<PublishedItem> English = Danish
        .Where(i => i.Kind != ContentKind.Course)
        .Select(i => CheckSite.Item(i.Id, i.Kind, i.Key, i.Slug, "## In English\n\nText.") with { Language = PortalCulture.EnglishCode })
        .ToList();

    public static TheoryData<int> Ids() => [.. Danish.Select(i => i.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void ADanishDraftChangesOnlyWhatABuildFromScratchWould(int id)
    {
        var (danish, english) = Sites();
        var draft = Redraft(Danish.Single(i => i.Id == id));

        var laidOver = SiteLinkMap.Build(danish, english, draft);
        var fromScratch = SiteLinkMap.Build(new PublishedSite(Replace(Danish, draft)), new PublishedSite(English, language: PortalCulture.EnglishCode));

        AssertSame(fromScratch, laidOver, draft);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void AnEnglishDraftChangesOnlyTheEnglishPages(int id)
    {
        var (danish, english) = Sites();
        var draft = Redraft(Danish.Single(i => i.Id == id)) with { Language = PortalCulture.EnglishCode };

        var laidOver = SiteLinkMap.Build(danish, english, draft);
        var fromScratch = SiteLinkMap.Build(new PublishedSite(Danish), new PublishedSite(Replace(English, draft), language: PortalCulture.EnglishCode));

        AssertSame(fromScratch, laidOver, draft);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void LeavingAnItemOutRemovesItFromBothLanguages(int id)
    {
        var (danish, english) = Sites();

        var laidOver = SiteLinkMap.Build(danish, english, without: id);
        var fromScratch = SiteLinkMap.Build(
            new PublishedSite(Danish.Where(i => i.Id != id)),
            new PublishedSite(English.Where(i => i.Id != id), language: PortalCulture.EnglishCode));

        AssertSame(fromScratch, laidOver, null);
    }

    [Fact]
    public void ARenamedPageKeepsItsOldAddressWithTheNewAnchors()
    {
        var (danish, english) = Sites();
        var course = Danish.First(i => i.Kind == ContentKind.Course);
        var renamed = Redraft(course) with { Slug = course.Slug + "-nyt" };

        var map = SiteLinkMap.Build(danish, english, renamed);

        var moved = map.Resolve(SiteLinkMap.PathOf(renamed));
        var old = map.Resolve(SiteLinkMap.PathOf(course));
        Assert.True(moved.Exists);
        Assert.True(old.Exists);
        Assert.Contains(moved.Anchors!, a => a.EndsWith("ny-overskrift", StringComparison.Ordinal));
        Assert.Equal(moved.Anchors!.Order(), old.Anchors!.Order());
        // The published map is untouched by the draft's.
        Assert.DoesNotContain(SiteLinkMap.Build(danish, english).Resolve(SiteLinkMap.PathOf(course)).Anchors!, a => a.EndsWith("ny-overskrift", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoChangesOnOneKeptMapDoNotSeeEachOther()
    {
        var (danish, english) = Sites();
        var bearing = Danish.First(i => i.Kind == ContentKind.Bearing);
        var course = Danish.First(i => i.Kind == ContentKind.Course);

        var withoutBearing = SiteLinkMap.Build(danish, english, without: bearing.Id);
        var courseDraft = SiteLinkMap.Build(danish, english, Redraft(course));

        Assert.False(withoutBearing.Resolve(SiteLinkMap.PathOf(bearing)).Exists);
        Assert.True(courseDraft.Resolve(SiteLinkMap.PathOf(bearing)).Exists);
        Assert.DoesNotContain(withoutBearing.Resolve(SiteLinkMap.PathOf(course)).Anchors!, a => a.EndsWith("ny-overskrift", StringComparison.Ordinal));
    }

    private static (PublishedSite Danish, PublishedSite English) Sites() =>
        (new PublishedSite(Danish), new PublishedSite(English, language: PortalCulture.EnglishCode));

    /// <summary>The item with a text of new headings: one new anchor, and its old ones gone.</summary>
    private static PublishedItem Redraft(PublishedItem item) =>
        CheckSite.Item(item.Id, item.Kind, item.Key, item.Slug, "## Ny overskrift\n\nNy tekst.") with { Language = item.Language };

    private static List<PublishedItem> Replace(List<PublishedItem> items, PublishedItem draft) =>
        [.. items.Where(i => i.Id != draft.Id), draft];

    private static void AssertSame(SiteLinkMap expected, SiteLinkMap actual, PublishedItem? draft)
    {
        var paths = Danish.Concat(English).Append(draft).OfType<PublishedItem>()
            .Select(SiteLinkMap.PathOf)
            .Concat(["/", "/medarbejdergrundlag", "/findes-ikke", "/pejlemaerker/findes-ikke"])
            .Distinct()
            .SelectMany(p => new[] { p, PortalPaths.InLanguage(PortalCulture.EnglishCode, p) })
            .ToList();
        Assert.True(paths.Count >= 20, $"only {paths.Count} addresses");
        foreach (var path in paths)
        {
            var want = expected.Resolve(path);
            var got = actual.Resolve(path);
            Assert.True(want.Exists == got.Exists, $"{path}: exists {got.Exists}, a map from scratch says {want.Exists}");
            Assert.True(
                (want.Anchors is null) == (got.Anchors is null) && (want.Anchors is null || want.Anchors.SetEquals(got.Anchors!)),
                $"{path}: anchors [{string.Join(' ', got.Anchors?.Order() ?? Enumerable.Empty<string>())}], a map from scratch has [{string.Join(' ', want.Anchors?.Order() ?? Enumerable.Empty<string>())}]");
        }
    }
}
