using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>The seeded charter, bearings, Phønix and accessibility texts, rendered as the seeder renders them, pass every check.</summary>
public sealed class SeedTextTests(ITestOutputHelper output)
{
    [Fact]
    public void TheSeededTextsHaveNoFindings()
    {
        var items = SeedDocument.LoadAll()
            .Select((doc, index) => CheckSite.Item(index + 1, doc.Kind, doc.Key, doc.Slug, doc.Body, doc.Lead, doc.Title, doc.Points, doc.Questions))
            .ToList();
        var danish = new PublishedSite(items);
        var english = new PublishedSite(items, language: PortalCulture.EnglishCode);

        var report = SiteCheckReport.Build(danish, english, new ContentCheckOptions());

        Assert.Equal(items.Count, report.Items.Count);
        foreach (var check in report.Items)
        {
            output.WriteLine($"{check.Path,-45} LIX {check.Result.Readability.LixText,5} ({check.Result.Readability.Words} ord)  {check.Result.Findings.Count} fund");
        }

        var findings = report.Items.SelectMany(i => i.Result.Findings.Select(f => $"{i.Path}: {f.RuleId}: {f.Message}")).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
