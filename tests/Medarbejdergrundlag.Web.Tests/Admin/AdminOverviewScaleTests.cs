using System.Net;
using System.Text;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// The admin overview with the catalogue grown to 100 courses and 1,000 dates (the load benchmark's
/// data): under 60 KB, the courses a page at a time, one form per table rather than one per row, and
/// a move on a later page keeps the editor on that page.
/// </summary>
public sealed class AdminOverviewScaleTests : IAsyncLifetime
{
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = default!;

    public async Task InitializeAsync()
    {
        var csv = new StringBuilder("Titel;Resumé;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted\r\n");
        var start = DateTime.UtcNow.Date.AddDays(7);
        for (var c = 0; c < 100; c++)
        {
            for (var d = 0; d < 10; d++)
            {
                csv.Append($"Forløb {c:000} om læring;Et forløb om læring nummer {c};Alle;Tværgående;2;Mod, Udvikling;phoenix@odense.dk;" +
                           $"{start.AddDays(c + 9 * d):dd-MM-yyyy} 09:00;15:30;Phønix sal {d}\r\n");
            }
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var preview = CourseImport.Read(csv.ToString(), [("mod", "Mod"), ("udvikling", "Udvikling")]);
            Assert.True(preview.IsValid);
            var result = await scope.ServiceProvider.GetRequiredService<CourseImporter>().ImportAsync(preview, publish: true, "test");
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
            Assert.Equal((100, 1000), (result.Courses, result.Dates));
        }

        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
    }

    public Task DisposeAsync()
    {
        _editor.Dispose();
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheOverviewStaysUnder60KbWithOneFormPerTableAndTheCoursesPaged()
    {
        var html = await _editor.GetStringAsync("/admin");
        var document = await _editor.GetDocumentAsync("/admin");

        Assert.True(Encoding.UTF8.GetByteCount(html) < 60 * 1024, $"/admin is {Encoding.UTF8.GetByteCount(html) / 1024.0:F1} KB");
        var courses = document.GetElementById("kind-Course")!.ParentElement!;
        Assert.Equal(25, courses.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Side 1 af 4", courses.QuerySelector(".pager")!.TextContent);
        Assert.Single(courses.QuerySelectorAll("form"));
        Assert.True(document.QuerySelectorAll("form").Length < 12, $"{document.QuerySelectorAll("form").Length} forms");

        var last = await _editor.GetDocumentAsync("/admin?side=4");
        var lastRows = last.GetElementById("kind-Course")!.ParentElement!.QuerySelectorAll("tbody tr");
        Assert.Equal(25, lastRows.Length);
        Assert.Equal("Forløb 099 om læring", lastRows[^1].QuerySelector("td a")!.TextContent);
        Assert.DoesNotContain(lastRows[^1].QuerySelectorAll("button"), b => b.TextContent.StartsWith("Flyt ned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovingACourseOnALaterPageKeepsThatPage()
    {
        var page = await _editor.GetDocumentAsync("/admin?side=3");
        var row = page.GetElementById("kind-Course")!.ParentElement!.QuerySelectorAll("tbody tr")[0];
        var title = row.QuerySelector("td a")!.TextContent;
        var moveUp = row.QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Flyt op", StringComparison.Ordinal));

        var response = await Forms.PostAsync(_editor, moveUp.GetAttribute("formaction")!, moveUp.Closest("form")!,
            new() { [moveUp.GetAttribute("name")!] = moveUp.GetAttribute("value")! });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin?side=3", response.Headers.Location!.OriginalString);
        var before = await _editor.GetDocumentAsync("/admin?side=2");
        Assert.Equal(title, before.GetElementById("kind-Course")!.ParentElement!.QuerySelectorAll("tbody tr")[^1].QuerySelector("td a")!.TextContent);
    }
}
