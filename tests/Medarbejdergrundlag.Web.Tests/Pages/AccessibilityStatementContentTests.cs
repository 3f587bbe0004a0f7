using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>The accessibility statement is content: HR edits and reviews it, and the page shows both.</summary>
public sealed class AccessibilityStatementContentTests : IAsyncLifetime
{
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero), running: true);
    private readonly PortalFactory _factory;
    private HttpClient _editor = default!;
    private string _editPath = "";

    public AccessibilityStatementContentTests() => _factory = new PortalFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        await using var scope = _factory.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Kind == ContentKind.AccessibilityStatement)).Id;
        _editPath = $"/admin/indhold/{id}";
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheStatementIsSeededFromTheFirstVersionsTextAndListedForEditors()
    {
        var overview = await _editor.GetDocumentAsync("/admin");

        Assert.Contains("Tilgængelighedserklæringen", overview.QuerySelectorAll("main h2").Select(h => h.Text()));
        var edit = await _editor.GetDocumentAsync(_editPath);
        Assert.Contains("Portalen er **delvist i overensstemmelse** med WCAG 2.1 på niveau AA", edit.QuerySelector("#Form_Body")!.TextContent);
        Assert.Equal("/tilgaengelighed", edit.QuerySelector(".item-links a[href='/tilgaengelighed']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnEditorsPublishedChangeShowsOnTheStatementWithTheDateItWasLastReviewed()
    {
        var edit = await _editor.GetDocumentAsync(_editPath);
        var body = edit.QuerySelector("#Form_Body")!.TextContent.Replace(
            "Vi har ikke påberåbt os undtagelsen for uforholdsmæssig stor byrde.",
            "Vi har stadig ikke påberåbt os undtagelsen for uforholdsmæssig stor byrde.", StringComparison.Ordinal);

        var published = await Forms.SubmitAsync(_editor, _editPath, "form.edit-form", new() { ["Form.Body"] = body }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await _factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed");
        var main = page.QuerySelector("main")!.Text();
        Assert.Contains("Vi har stadig ikke påberåbt os undtagelsen", main);
        Assert.Contains("Erklæringen blev udarbejdet den 22. november 2026. Den blev senest gennemgået den 1. juni 2027.", main);
    }

    [Fact]
    public async Task MarkingTheStatementAsReviewedIsItsSenestGennemgaaetDate()
    {
        var before = (await _factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed")).QuerySelector("main")!.Text();
        Assert.DoesNotContain("senest gennemgået", before);

        // Months later (a new sign-in: sessions do not last that long).
        _clock.Set(new DateTimeOffset(2027, 9, 14, 10, 0, 0, TimeSpan.Zero));
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        var marked = await Forms.SubmitAsync(_editor, _editPath, "form[action*='handler=MarkReviewed']");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var main = (await _factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed")).QuerySelector("main")!;
        var dates = main.QuerySelector("h2 + p.statement__dates")!;
        Assert.Equal("Erklæringen blev udarbejdet den 22. november 2026. Den blev senest gennemgået den 14. september 2027.", dates.Text());
        Assert.StartsWith("Udarbejdelse af denne tilgængelighedserklæring", dates.PreviousElementSibling!.Text().Replace("\u00AD", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnArchivedStatementGivesWayToTheSeedTextSoThereIsAlwaysOne()
    {
        var archived = await Forms.SubmitAsync(_editor, _editPath, "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);

        var page = await _factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed");

        Assert.Equal(5, page.QuerySelectorAll("main h2").Length);
        Assert.Contains("Digitaliseringsstyrelsen", page.QuerySelector("main")!.Text());
    }
}
