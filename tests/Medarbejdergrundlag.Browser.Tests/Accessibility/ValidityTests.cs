using AngleSharp.Html.Parser;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Browser.Tests.Accessibility;

/// <summary>
/// Every page, as every role sees it, is valid HTML by the Nu HTML checker (zero errors) and uses
/// each id once: labels, skip links and aria references point at ids, so a duplicate sends them to
/// the wrong element. The documents are the server's HTML, before any script runs.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ValidityTests(BrowserFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPageIsValidHtmlWithUniqueIdsForEveryRole()
    {
        var catalog = await fixture.CatalogAsync();
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();

        // The HR editor sees every page; employees and leaders every public page (the menu and
        // the leaders' pages differ by role); strangers the pages that let them in.
        // The catalogue holds paths; these states of its pages come from a query string: search
        // results, a filtered catalogue, a version diff, a translation's history and English preview,
        // the log filtered and with a bad date.
        var editorPages = catalog.Pages.Concat(
            new[] { "/soeg?q=samskabelse", "/soeg?q=", "/phoenix/forloeb?maalgruppe=ledere&kommende=1&ledige=1&q=mod", "/admin/indhold/1/historik?fra=1&til=1", "/admin/indhold/1/historik?sprog=en", "/admin/indhold/1/forhaandsvisning?sprog=en", "/admin/log?handling=Published", "/admin/log?fra=2026-13-45" }
                .Select(path => new PortalPage(path, "(tilstand)", Anonymous: false))).ToList();
        var publicPages = catalog.Pages.Where(p => !p.Path.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var (persona, pages) in new[]
                 {
                     ("hr-redaktoer", editorPages), ("leder", publicPages), ("medarbejder", publicPages), ((string?)null, catalog.AnonymousPages.ToList()),
                 })
        {
            await using var context = await fixture.NewContextAsync(persona: persona);
            foreach (var page in pages)
            {
                var name = $"{page.Path} ({persona ?? "anonym"})";
                var response = await context.APIRequest.GetAsync(page.Path);
                if (persona is "hr-redaktoer" or null)
                {
                    Assert.True(page.ExpectedStatus == response.Status, $"{name} answered {response.Status}, not {page.ExpectedStatus}");
                }

                Assert.StartsWith("text/html", response.Headers["content-type"], StringComparison.Ordinal);
                var html = await response.TextAsync();
                documents[name] = html;
                problems.AddRange(DuplicateIds(html).Select(id => $"{name}: id=\"{id}\" is used more than once"));
            }
        }

        var messages = await NuChecker.CheckAsync(documents);
        var errors = messages.Where(m => m.Type == "error").ToList();
        foreach (var group in messages.GroupBy(m => m.Document))
        {
            output.WriteLine($"{group.Key}: {group.Count(m => m.Type == "error")} errors, {group.Count(m => m.Type == "warning")} warnings");
            foreach (var warning in group.Where(m => m.Type == "warning"))
            {
                output.WriteLine("  " + warning);
            }
        }

        output.WriteLine($"The Nu HTML checker read {documents.Count} documents: {errors.Count} errors.");
        Assert.True(documents.Count >= 30, $"only {documents.Count} documents checked");
        problems.AddRange(errors.Select(e => e.ToString()));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task CheckerAndIdCheckReportErrorsPlantedInAPage()
    {
        // Proves the wiring: the portal's own front page with a duplicate id, a stray end tag and
        // an unescaped space in a data URL (the favicon's old mistake) is reported, page by page.
        await using var context = await fixture.NewContextAsync();
        var valid = await (await context.APIRequest.GetAsync("/")).TextAsync();
        var broken = valid
            .Replace("</main>", "<p id=\"indhold\">x</p></span></main>", StringComparison.Ordinal)
            .Replace("</head>", "<link rel=\"icon\" href=\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'></svg>\" /></head>", StringComparison.Ordinal);

        var messages = await NuChecker.CheckAsync(new Dictionary<string, string> { ["gyldig"] = valid, ["fejl"] = broken });

        Assert.DoesNotContain(messages, m => m.Document == "gyldig" && m.Type == "error");
        var errors = messages.Where(m => m.Document == "fejl" && m.Type == "error").Select(m => m.Message).ToList();
        Assert.Contains(errors, m => m.Contains("Duplicate ID", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("Stray end tag", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("Bad value", StringComparison.Ordinal) && m.Contains("href", StringComparison.Ordinal));
        Assert.Equal(["indhold"], DuplicateIds(broken));
    }

    private static IEnumerable<string> DuplicateIds(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("[id]")
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key!);
}
