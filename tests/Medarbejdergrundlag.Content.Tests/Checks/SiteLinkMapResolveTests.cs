using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// Which addresses the link check counts as answering, and with which anchors: the portal's own
/// pages, the areas with rules of their own, the charter page's ids, English addresses, trailing
/// slashes and renamed courses. A wrong answer here is a link reported broken that works, or one
/// let through that leads nowhere.
/// </summary>
public sealed class SiteLinkMapResolveTests
{
    private static readonly SiteLinkMap Map = SiteLinkMap.Build(CheckSite.Site(), CheckSite.EnglishSite());

    [Theory]
    [InlineData("/")]
    [InlineData("/pejlemaerker")]
    [InlineData("/phoenix/forloeb")]
    [InlineData("/phoenix/forloeb/kalender.ics")]
    [InlineData("/soeg")]
    [InlineData("/til-ledere")]
    [InlineData("/til-ledere/ark")]
    [InlineData("/aendringer")]
    [InlineData("/aendringer/feed.atom")]
    [InlineData("/aendringer/siden-du-bekraeftede")]
    [InlineData("/konto/bekraeftelser")]
    [InlineData("/tilgaengelighed")]
    [InlineData("/SOEG/")]
    [InlineData("/en")]
    [InlineData("/en/")]
    [InlineData("/en/soeg")]
    public void ThePortalsOwnPagesAnswerWithoutKnownAnchors(string path) =>
        Assert.Equal(new LinkTarget(true, null), Map.Resolve(path));

    [Theory]
    [InlineData("/billeder/abc123/moede.jpg", true)]
    [InlineData("/admin", true)]
    [InlineData("/admin/", true)]
    [InlineData("/admin/indhold/5", true)]
    [InlineData("/billeder", true)]
    [InlineData("/billedarkiv", false)]
    [InlineData("/administration", false)]
    [InlineData("/admins", false)]
    [InlineData("/ukendt", false)]
    [InlineData("/enhed", false)]
    public void AnyPathUnderTheImagesAndTheEditorsAreaAnswers(string path, bool exists) =>
        Assert.Equal(exists, Map.Resolve(path).Exists);

    [Fact]
    public void TheCharterPageHasItsOwnIdsAndEveryTextsHeadings()
    {
        var anchors = Map.Resolve("/medarbejdergrundlag").Anchors;

        Assert.NotNull(anchors);
        Assert.Equal(
            [
                "afsnit-kaere-medarbejder-om-grundlaget", "afsnit-mod-saadan-viser-vi-mod", "bekraeft", "indhold", "kaere-medarbejder", "kaere-medarbejder-title",
                "mod", "mod-title", "pejlemaerkerne", "pejlemaerkerne-title", "to-ben", "to-ben-title", "toc-heading",
            ],
            anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ABearingsPageHasItsTitleItsKeyAndItsHeadings()
    {
        var anchors = Map.Resolve("/pejlemaerker/mod").Anchors;

        Assert.NotNull(anchors);
        Assert.Equal(["afsnit-mod-saadan-viser-vi-mod", "bearing-title", "indhold", "mod"], anchors.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATrailingSlashIsTheSamePage()
    {
        Assert.True(Map.Resolve("/pejlemaerker/mod/").Exists);
        Assert.True(Map.Resolve("/en/pejlemaerker/mod/").Exists);
        Assert.Contains("afsnit-mod-how-we-show-courage", Map.Resolve("/en/pejlemaerker/mod/").Anchors!);
    }

    [Fact]
    public void WithoutTheEnglishSiteEnglishAddressesAnswerAsTheirDanishTwins()
    {
        var draft = CheckSite.Item(99, ContentKind.Bearing, "proeve", "proeve", "## Ny overskrift\n\nTekst.");
        foreach (var map in new[] { SiteLinkMap.Build(CheckSite.Site()), SiteLinkMap.Build(CheckSite.Site(), draft: draft) })
        {
            Assert.Contains("afsnit-mod-saadan-viser-vi-mod", map.Resolve("/en/pejlemaerker/mod").Anchors!);
            Assert.False(map.Resolve("/en/pejlemaerker/handlekraft").Exists);
        }

        Assert.Contains("afsnit-proeve-ny-overskrift", SiteLinkMap.Build(CheckSite.Site(), draft: draft).Resolve("/en/pejlemaerker/proeve").Anchors!);
    }

    [Fact]
    public void ARenamedCoursesOldAddressAnswersWithTheNewPagesAnchors()
    {
        var site = new PublishedSite(
            [Course(CheckSite.Item(5, ContentKind.Course, "trivsel", "trivsel-2027", "## Tilmelding\n\nSkriv til os."))],
            courseRedirects: [("trivsel", 5)]);
        var map = SiteLinkMap.Build(site);

        var anchors = map.Resolve("/phoenix/forloeb/trivsel-2027").Anchors;
        Assert.NotNull(anchors);
        Assert.Contains(anchors, a => a.EndsWith("tilmelding", StringComparison.Ordinal));
        Assert.Same(anchors, map.Resolve("/phoenix/forloeb/trivsel").Anchors);
        Assert.False(map.Resolve("/phoenix/forloeb/ukendt").Exists);
        Assert.False(map.Resolve("/phoenix/forloeb/trivsel/mere").Exists);
    }

    private static PublishedItem Course(PublishedItem item) => item with
    {
        Course = new PublishedCourse(
            new CourseDetails { Audience = Audience.Alle, Forvaltning = Forvaltning.Borgmesterforvaltningen, LengthDays = 1, SignUp = "https://tilmelding.example", BearingKeys = [] },
            [],
            ""),
    };

    [Fact]
    public void TwoTextsOnOnePageGiveItBothTheirHeadings()
    {
        var site = new PublishedSite(
        [
            CheckSite.Item(6, ContentKind.PhoenixPage, "phoenix", "phoenix", "## Om Phønix\n\nTekst."),
            CheckSite.Item(7, ContentKind.PhoenixPage, "phoenix-tilmelding", "phoenix-tilmelding", "## Tilmelding\n\nTekst."),
        ]);

        var anchors = SiteLinkMap.Build(site).Resolve("/phoenix").Anchors;

        Assert.NotNull(anchors);
        Assert.Contains("afsnit-phoenix-om-phoenix", anchors);
        Assert.Contains("afsnit-phoenix-tilmelding-tilmelding", anchors);
    }
}
