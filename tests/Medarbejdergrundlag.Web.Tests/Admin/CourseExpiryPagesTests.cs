using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// Courses expiring after their last date, through the real admin pages and the app's own
/// scheduler, on a portal whose clock the test sets (running in real time from there).
/// </summary>
public sealed class CourseExpiryPagesTests : IAsyncLifetime
{
    // New Year's morning 2027, 06:30 in Copenhagen.
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 1, 1, 5, 30, 0, TimeSpan.Zero), running: true);
    private readonly PortalFactory _factory;
    private HttpClient _editor = default!;
    private HttpClient _employee = default!;

    public CourseExpiryPagesTests() => _factory = new PortalFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        _employee = await _factory.SignedInClientAsync("medarbejder");
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheOverviewAndTheEditPageShowTheComingExpiryAndAfterTheLastDateTheCourseIsArchivedAndLogged()
    {
        var id = await CourseAsync("Nytårskursus", "01-01-2027 07:00", "09:00");

        var overview = await _editor.GetDocumentAsync("/admin");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/admin/indhold/{id}']") is not null);
        Assert.Contains("Udløber efter sidste dato 1. januar 2027 kl. 09.00", row.Text());
        var edit = await _editor.GetDocumentAsync($"/admin/indhold/{id}");
        Assert.Contains("Udløber efter sidste dato 1. januar 2027 kl. 09.00", edit.QuerySelector(".item-status")!.Text());
        Assert.Contains("arkiveres automatisk 1. januar 2027 kl. 09.00", edit.QuerySelector("section.expiry")!.Text());
        Assert.Equal(HttpStatusCode.OK, (await _employee.GetAsync("/phoenix/forloeb/nytaarskursus")).StatusCode);

        _clock.Set(new DateTimeOffset(2027, 1, 1, 7, 59, 59, TimeSpan.Zero));
        await WaitForAsync(async () => (await _employee.GetAsync("/phoenix/forloeb/nytaarskursus")).StatusCode == HttpStatusCode.NotFound);
        Assert.True(_clock.GetUtcNow() >= new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.Zero), "archived before its last date ended");

        var log = (await _editor.GetDocumentAsync("/admin/log")).QuerySelector("main")!.Text();
        Assert.Contains("Arkiveret automatisk efter sidste dato (1. januar 2027 kl. 09.00)", log);
        Assert.Contains("Portalen (automatisk)", log);
        var archived = (await _editor.GetDocumentAsync("/admin")).QuerySelector("section[aria-labelledby='archived-heading']")!.Text();
        Assert.Contains("Nytårskursus", archived);
        var after = await _editor.GetDocumentAsync($"/admin/indhold/{id}");
        Assert.Contains("Forløbet er arkiveret. Henter du det tilbage, bliver det ikke arkiveret igen", after.QuerySelector("section.expiry")!.Text());
    }

    [Fact]
    public async Task BeholdEfterSidsteDatoOnTheEditPageKeepsTheCoursePublished()
    {
        var id = await CourseAsync("Kursus der kommer igen", "01-01-2027 07:00", "08:00");

        var kept = await Forms.SubmitAsync(_editor, $"/admin/indhold/{id}", "form.expiry-form", new() { ["Expiry.Keep"] = "true" }, "KeepAfterLastDate");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var edit = await _editor.GetDocumentAsync($"/admin/indhold/{id}");
        Assert.Contains("Forløbet beholdes efter sidste dato. Det bliver ikke arkiveret automatisk.", edit.QuerySelector("main")!.Text());
        Assert.True(edit.QuerySelector("#Expiry_Keep")!.HasAttribute("checked"));

        _clock.Set(new DateTimeOffset(2027, 1, 1, 7, 0, 5, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(HttpStatusCode.OK, (await _employee.GetAsync("/phoenix/forloeb/kursus-der-kommer-igen")).StatusCode);
        var overview = await _editor.GetDocumentAsync("/admin");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/admin/indhold/{id}']") is not null);
        Assert.Contains("Beholdes efter sidste dato", row.Text());
        Assert.Contains("Behold efter sidste dato: forløbet bliver ikke arkiveret automatisk", (await _editor.GetDocumentAsync("/admin/log")).QuerySelector("main")!.Text());
    }

    private async Task<int> CourseAsync(string title, string start, string end)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var created = await editor.CreateAsync(ContentKind.Course, new RevisionInput(title, null, "Et forløb.", "Om forløbet.", null)
        {
            Course = new CourseInput("Alle", "Tvaergaaende", "1", "mod", "phoenix@odense.dk"),
        }, "Hanne HR-redaktør");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Values));
        var id = created.Item!.Id;
        var added = await scope.ServiceProvider.GetRequiredService<CourseDateEditor>()
            .AddDateAsync(id, new CourseDateInput(start, end, "Phønix", "20", "5", "Open"), "Hanne HR-redaktør");
        Assert.True(added.Succeeded, string.Join(" ", added.Errors.Values));
        var item = await editor.FindAsync(id);
        Assert.True((await editor.PublishAsync(id, item!.Version, "Hanne HR-redaktør")).Succeeded);
        return id;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition() && watch.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.Delay(50);
        }

        Assert.True(await condition(), "not seen within 6 s");
    }
}
