using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// Scheduling and reviews through the real admin pages, on a portal whose clock the test sets
/// (running in real time from there, so the app's own scheduler polls as in production).
/// </summary>
public sealed class SchedulingPagesTests : IAsyncLifetime
{
    private const string EditForm = "form.edit-form";

    // New Year's morning 2027, 06:30 in Copenhagen (sessions last 12 hours at most, so the test stays within them).
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 1, 1, 5, 30, 0, TimeSpan.Zero), running: true);
    private readonly PortalFactory _factory;
    private HttpClient _editor = default!;
    private HttpClient _employee = default!;
    private int _modId;

    public SchedulingPagesTests() => _factory = new PortalFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));

    public async Task InitializeAsync()
    {
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        _employee = await _factory.SignedInClientAsync("medarbejder");
        await using var scope = _factory.Services.CreateAsyncScope();
        _modId = (await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Key == "mod")).Id;
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private string EditPath => $"/admin/indhold/{_modId}";

    [Fact]
    public async Task AnEditorSchedulesADraftTheOverviewSaysWhenAndAtThatTimeEmployeesSeeItButNotTheNewerDraft()
    {
        await SaveDraftAsync("Vi tør tage det første skridt i det nye år.");
        var scheduled = await Forms.SubmitAsync(_editor, EditPath, "form.schedule-form", new() { ["Schedule.When"] = "01-01-2027 08:00" }, "SchedulePublish");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        var overview = await _editor.GetDocumentAsync("/admin");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='{EditPath}']") is not null);
        Assert.Contains("Udgives 1. januar 2027 kl. 08.00", row.Text());
        Assert.DoesNotContain("første skridt i det nye år", await PublicTextAsync());

        // A newer draft after scheduling: the page says what will happen.
        await SaveDraftAsync("En kladde, der ikke er klar.");
        var edit = await _editor.GetDocumentAsync(EditPath);
        Assert.Contains("Den planlagte udgivelse udgiver version 2, ikke den nyeste kladde", edit.QuerySelector(".schedule-item__warning")!.Text());
        Assert.Contains("Udgives 1. januar 2027 kl. 08.00", edit.QuerySelector(".item-status")!.Text());

        _clock.Set(new DateTimeOffset(2027, 1, 1, 6, 59, 58, TimeSpan.Zero));
        Assert.DoesNotContain("første skridt i det nye år", await PublicTextAsync());
        var text = await WaitForAsync(t => t.Contains("første skridt i det nye år", StringComparison.Ordinal), TimeSpan.FromSeconds(6));
        Assert.True(_clock.GetUtcNow() >= new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero), "published before its time");
        Assert.DoesNotContain("En kladde, der ikke er klar.", text);

        var log = (await _editor.GetDocumentAsync("/admin/log")).QuerySelector("main")!.Text();
        Assert.Contains("Udgivet efter planlægning: planlagt af Hanne HR-redaktør 1. januar 2027 kl. 06.30", log);
        Assert.Contains("til 1. januar 2027 kl. 08.00, kørt 1. januar 2027 kl. 08.00", log);
        var after = await _editor.GetDocumentAsync("/admin");
        Assert.DoesNotContain("Udgives 1. januar 2027", after.QuerySelector("main")!.Text());
    }

    [Theory]
    [InlineData("28-03-2027 02:30", "findes ikke den 28. marts 2027, fordi uret stilles frem til sommertid")]
    [InlineData("31-10-2027 02:30", "forekommer to gange den 31. oktober 2027, fordi uret stilles tilbage til vintertid")]
    [InlineData("30-12-2026 08:00", "er allerede passeret")]
    public async Task ATimeThatDoesNotExistOccursTwiceOrHasPassedIsRefusedOnTheFieldAndNothingIsScheduled(string typed, string message)
    {
        await SaveDraftAsync("Natlig ændring.");

        var response = await Forms.SubmitAsync(_editor, EditPath, "form.schedule-form", new() { ["Schedule.When"] = typed }, "SchedulePublish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("#Schedule_When-error")!.Text());
        Assert.Contains(message, page.QuerySelector(".error-summary")!.Text());
        Assert.Equal(typed, page.QuerySelector("#Schedule_When")!.GetAttribute("value"));
        // The text form still holds the saved draft.
        Assert.Equal("Natlig ændring.", page.QuerySelector("#Form_Body")!.TextContent.Trim());
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ScheduledActions.AnyAsync());
    }

    [Fact]
    public async Task AScheduleCanBeMovedAndCancelledFromTheEditPage()
    {
        await SaveDraftAsync("Flyttes og annulleres.");
        await Forms.SubmitAsync(_editor, EditPath, "form.schedule-form", new() { ["Schedule.When"] = "02-01-2027 08:00" }, "SchedulePublish");

        var moved = await Forms.SubmitAsync(_editor, EditPath, "form.schedule-item__move", new() { ["Move.When"] = "04-01-2027 09:30" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("Udgives 4. januar 2027 kl. 09.30", (await _editor.GetDocumentAsync("/admin")).QuerySelector("main")!.Text());

        var edit = await _editor.GetDocumentAsync(EditPath);
        var cancel = edit.QuerySelectorAll("form").Single(f => f.GetAttribute("action")?.Contains("handler=CancelSchedule", StringComparison.Ordinal) == true);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(_editor, EditPath, cancel)).StatusCode);

        Assert.DoesNotContain("Udgives", (await _editor.GetDocumentAsync("/admin")).QuerySelector("main")!.Text());
        var history = (await _editor.GetDocumentAsync(EditPath + "/historik")).QuerySelector(".item-events")!.Text();
        Assert.Contains("Planlægning annulleret", history);
        Assert.Contains("flyttet fra 2. januar 2027 kl. 08.00 til 4. januar 2027 kl. 09.30", history);
    }

    [Fact]
    public async Task AScheduledPublishThatFailsIsShownInTheOverviewUntilAnEditorDealsWithIt()
    {
        int udvikling;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            udvikling = (await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Key == "udvikling")).Id;
        }

        // Udvikling is to move to /pejlemaerker/vaekst at 08:00; meanwhile Mod takes that address.
        var path = $"/admin/indhold/{udvikling}";
        await Forms.SubmitAsync(_editor, path, EditForm, new() { ["Form.Slug"] = "vaekst" }, "Save");
        await Forms.SubmitAsync(_editor, path, "form.schedule-form", new() { ["Schedule.When"] = "01-01-2027 08:00" }, "SchedulePublish");
        await Forms.SubmitAsync(_editor, path, EditForm, new() { ["Form.Slug"] = "udvikling" }, "Save");
        var taken = await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Slug"] = "vaekst" }, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);

        _clock.Set(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero));
        var failures = await WaitForOverviewAsync(d => d.QuerySelector(".schedule-failures") is not null);

        var text = failures.QuerySelector(".schedule-failures")!.Text();
        Assert.Contains("planlagt udgivelse af version 2 1. januar 2027 kl. 08.00 (af Hanne HR-redaktør) mislykkedes", text);
        Assert.Contains("»vaekst« bruges allerede", text);
        Assert.Equal(HttpStatusCode.OK, (await _employee.GetAsync("/pejlemaerker/udvikling")).StatusCode);
        var dismiss = failures.QuerySelector(".schedule-failures form")!;
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(_editor, "/admin", dismiss)).StatusCode);
        Assert.Null((await _editor.GetDocumentAsync("/admin")).QuerySelector(".schedule-failures"));
    }

    [Fact]
    public async Task TheReviewListShowsWhatIsDueAndMarkingAsReviewedIsRecordedWithoutANewVersion()
    {
        Assert.Null((await _editor.GetDocumentAsync("/admin")).QuerySelector(".reviews-due"));

        var set = await Forms.SubmitAsync(_editor, EditPath, "form.review-form", new() { ["Review.ReviewBy"] = "15-12-2026", ["Review.Owner"] = "persona:hr-redaktoer" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var overview = await _editor.GetDocumentAsync("/admin");
        var row = overview.QuerySelectorAll(".reviews-due tbody tr").Single();
        Assert.Contains("Mod", row.Text());
        Assert.Contains("15. december 2026 (overskredet)", row.Text());
        Assert.Contains("Hanne HR-redaktør", row.Text());

        var marked = await Forms.PostAsync(_editor, "/admin", row.QuerySelector("form")!);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        Assert.Null((await _editor.GetDocumentAsync("/admin")).QuerySelector(".reviews-due"));
        var edit = (await _editor.GetDocumentAsync(EditPath)).QuerySelector(".review")!.Text();
        Assert.Contains("Gennemgås senest 1. januar 2028", edit);
        Assert.Contains("Senest gennemgået 1. januar 2027", edit);
        var history = await _editor.GetDocumentAsync(EditPath + "/historik");
        Assert.Contains("Gennemgået", history.QuerySelector(".item-events")!.Text());
        Assert.Single(history.QuerySelectorAll("tbody tr"));
        Assert.Contains("Gennemgået uden ændringer", (await _editor.GetDocumentAsync("/admin/log?handling=Reviewed")).QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task AReviewDateThatIsNotADateIsRefusedInDanish()
    {
        var response = await Forms.SubmitAsync(_editor, EditPath, "form.review-form", new() { ["Review.ReviewBy"] = "31-02-2027" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("»31-02-2027« er ikke en dato. Skriv den som 24-03-2027.", page.QuerySelector("#Review_ReviewBy-error")!.Text());
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.SingleAsync(i => i.Id == _modId)).ReviewBy);
    }

    private async Task SaveDraftAsync(string body) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Body"] = body }, "Save")).StatusCode);

    private async Task<string> PublicTextAsync() => (await _employee.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.Text();

    private async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        string text;
        while (!condition(text = await PublicTextAsync()) && watch.Elapsed < within)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(text), $"not seen within {within.TotalSeconds} s");
        return text;
    }

    private async Task<AngleSharp.Dom.IDocument> WaitForOverviewAsync(Func<AngleSharp.Dom.IDocument, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        AngleSharp.Dom.IDocument document;
        while (!condition(document = await _editor.GetDocumentAsync("/admin")) && watch.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.Delay(50);
        }

        return document;
    }
}
