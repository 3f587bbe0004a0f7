using System.Globalization;
using System.Net;
using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>"Indholdstjek": every published text's findings, worst first, from the published snapshot.</summary>
public sealed class ContentChecksPageTests : IAsyncLifetime
{
    private const string Path = "/admin/indholdstjek";
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = default!;

    public async Task InitializeAsync() => _editor = await _factory.SignedInClientAsync("hr-redaktoer");

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheSeededSiteHasNoFindingsAndEveryTextItsLix()
    {
        var page = await _editor.GetDocumentAsync(Path);

        var section = page.QuerySelector("main section[data-findings]")!;
        Assert.Equal(("0", "0", "0"), (section.GetAttribute("data-findings"), section.GetAttribute("data-blocking"), section.GetAttribute("data-warnings")));
        var texts = section.QuerySelectorAll("article[data-lix]");
        Assert.Equal(12, texts.Length);
        Assert.All(texts, t => Assert.InRange(double.Parse(t.GetAttribute("data-lix")!, CultureInfo.InvariantCulture), 20, 45));
        Assert.All(texts, t => Assert.Equal("0", t.GetAttribute("data-findings")));
        Assert.Equal("Indholdstjek", page.QuerySelector("main h1")!.TextContent);
    }

    [Fact]
    public async Task APublishedTextWithABrokenImageAndAnchorComesFirstWithItsFindings()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "mod").Select(i => i.Id).SingleAsync();
            var item = (await editor.FindAsync(id))!;
            var input = RevisionInput.From(item.CurrentRevision!);
            var published = await editor.SaveAndPublishAsync(id, item.Version, input with
            {
                Body = input.Body + "\n\n## Billeder\n\n![](/billeder/abc/moede.jpg)\n\nSe [det gamle afsnit](/medarbejdergrundlag#findes-ikke). [Klik her](/pejlemaerker/udvikling).",
            }, "persona:hr-redaktoer", checksOverride: "Publiceret med fejl for at se dem i oversigten.");
            Assert.True(published.Succeeded);
        }

        var page = await _editor.GetDocumentAsync(Path);

        var section = page.QuerySelector("main section[data-findings]")!;
        Assert.Equal(("3", "2", "1"), (section.GetAttribute("data-findings"), section.GetAttribute("data-blocking"), section.GetAttribute("data-warnings")));
        var first = section.QuerySelector("article")!;
        Assert.Equal("Mod", first.QuerySelector("h3")!.TextContent);
        Assert.Equal(("2", "1"), (first.GetAttribute("data-blocking"), first.GetAttribute("data-warnings")));
        var findings = first.QuerySelectorAll("li.finding").Select(li => li.Text()).ToList();
        Assert.Contains(findings, f => f.Contains("Skal rettes: Billedet »moede.jpg« under overskriften »Billeder« har ingen alternativ tekst.", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("peger på afsnittet #findes-ikke på /medarbejdergrundlag", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("Advarsel: Linkteksten »Klik her«", StringComparison.Ordinal));
        Assert.Equal("/pejlemaerker/mod#afsnit-mod-billeder", first.QuerySelector("li.finding a")!.GetAttribute("href"));
        Assert.All(section.QuerySelectorAll("article").Skip(1), a => Assert.Equal("0", a.GetAttribute("data-findings")));
    }

    [Fact]
    public async Task TheReportIsMadeOncePerPublishedSnapshot()
    {
        var checker = _factory.Services.GetRequiredService<ContentChecker>();

        var first = await checker.SiteReportAsync();
        Assert.Same(first, await checker.SiteReportAsync());
        await _editor.GetDocumentAsync(Path);
        Assert.Same(first, await checker.SiteReportAsync());

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "mod").Select(i => i.Id).SingleAsync();
            var item = (await editor.FindAsync(id))!;
            Assert.True((await editor.SaveAndPublishAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Lead = "Vi tør." }, "persona:hr-redaktoer")).Succeeded);
        }

        Assert.NotSame(first, await checker.SiteReportAsync());
    }

    [Fact]
    public async Task EmployeesMayNotSeeTheChecks()
    {
        var employee = await _factory.SignedInClientAsync("medarbejder");

        Assert.Equal(HttpStatusCode.Forbidden, (await employee.GetAsync(Path)).StatusCode);
    }
}
