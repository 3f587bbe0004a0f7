using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>The report of everything published: worst first, English translations beside their Danish texts, totals.</summary>
public sealed class SiteCheckReportTests
{
    private const string Hard =
        "Medarbejdergrundlaget beskriver organisationens forventninger til samarbejdsrelationerne mellem ledere og medarbejdere, " +
        "herunder ansvarsfordelingen i forbindelse med kompetenceudvikling og organisatoriske forandringsprocesser.";

    [Fact]
    public void TheWorstTextsComeFirstMostBlockingThenMostWarningsThenHardestThenInPageOrder()
    {
        var danish = new PublishedSite(
        [
            CheckSite.Item(1, ContentKind.CharterSection, "kaere-medarbejder", "kaere-medarbejder", "Kort tekst."),
            CheckSite.Item(2, ContentKind.Bearing, "mod", "mod", "Vi siger vores mening."),
            CheckSite.Item(3, ContentKind.Bearing, "udvikling", "udvikling", "Se [Handlekraft](/pejlemaerker/handlekraft)."),
            CheckSite.Item(4, ContentKind.Bearing, "faellesskab", "faellesskab", "Se [her](/pejlemaerker/mod). " + Hard),
            CheckSite.Item(5, ContentKind.Bearing, "samarbejde", "samarbejde", "Se [her](/pejlemaerker/mod)."),
            CheckSite.Item(6, ContentKind.Bearing, "tillid", "tillid", "Se [A](/pejlemaerker/findes-ikke) og [B](/pejlemaerker/heller-ikke)."),
            CheckSite.Item(7, ContentKind.Bearing, "omsorg", "omsorg", Hard),
        ]);
        var english = new PublishedSite(
        [
            CheckSite.Item(2, ContentKind.Bearing, "mod", "mod", "See [Nothing](/en/pejlemaerker/ukendt).") with { Language = PortalCulture.EnglishCode },
            // A Danish text on the English site (not translated yet) is not checked twice.
            CheckSite.Item(1, ContentKind.CharterSection, "kaere-medarbejder", "kaere-medarbejder", "Se [A](/findes-ikke)."),
        ], language: PortalCulture.EnglishCode);

        var report = SiteCheckReport.Build(danish, english, new ContentCheckOptions());

        Assert.Equal(
            [("tillid", "da", 2, 0), ("mod", "en", 1, 0), ("udvikling", "da", 1, 0), ("faellesskab", "da", 0, 1), ("samarbejde", "da", 0, 1),
             ("omsorg", "da", 0, 0), ("mod", "da", 0, 0), ("kaere-medarbejder", "da", 0, 0)],
            report.Items.Select(i => (i.Item.Key, i.Language, i.Result.BlockingCount, i.Result.WarningCount)).ToList());
        // Equally bad and equally hard (LIX 52 both): in page order.
        Assert.Equal(report.Items[1].Result.Readability.Lix, report.Items[2].Result.Readability.Lix);
        Assert.Equal("/en/pejlemaerker/mod", report.Items[1].Path);
        Assert.Equal("/pejlemaerker/tillid", report.Items[0].Path);
        Assert.Equal((4, 2), (report.BlockingCount, report.WarningCount));
        Assert.Equal((danish.Stamp, english.Stamp), (report.DanishStamp, report.EnglishStamp));
    }
}
