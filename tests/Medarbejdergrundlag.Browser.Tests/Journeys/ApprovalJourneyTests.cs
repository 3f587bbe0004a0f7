using System.Text.RegularExpressions;
using Medarbejdergrundlag.Browser.Tests.Infrastructure;
using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

/// <summary>
/// Issue 27 in Chromium, on a portal of its own with Governance:ApprovalRequiredFor at its default
/// (Material); the shared fixture's portal runs without approval for the other journeys.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ApprovalJourneyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AMaterialChangeWaitsGoesToConsultationAndIsPublishedOnlyByAnotherApprover()
    {
        await using var server = new PortalFactory().StartOnKestrel();
        await using var editorContext = await ContextAsync(server, "hr-redaktoer");
        await using var employeeContext = await ContextAsync(server, "medarbejder");
        await using var approverContext = await ContextAsync(server, "godkender");
        var editor = await editorContext.NewPageAsync();
        var employee = await employeeContext.NewPageAsync();
        var approver = await approverContext.NewPageAsync();

        // The editor marks a change to Mod as material and presses "Gem og udgiv": the public page is unchanged.
        await editor.GotoAsync("/admin");
        await editor.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Mod", Exact = true }).First.ClickAsync();
        await editor.WaitForURLAsync(EditPage());
        var body = editor.Locator("#Form_Body");
        await body.FillAsync(await body.InputValueAsync() + "\n\nVi siger fra med omtanke.");
        await editor.Locator("#Form_MaterialChange").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Gem og udgiv" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("afventer godkendelse");
        await employee.GotoAsync("/pejlemaerker/mod");
        await Assertions.Expect(employee.Locator("main")).Not.ToContainTextAsync("med omtanke");

        // A consultation link: the employee reads the draft and comments.
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lav høringslink" }).ClickAsync();
        var link = new Uri(await editor.Locator("[data-consultation-url]").InputValueAsync()).AbsolutePath;
        await employee.GotoAsync(link);
        await Assertions.Expect(employee.Locator("[data-consultation-draft]")).ToContainTextAsync("Udkast – ikke offentliggjort");
        await Assertions.Expect(employee.Locator("main")).ToContainTextAsync("Vi siger fra med omtanke.");
        await Assertions.Expect(employee.Locator(".consultation-diff ins").First).ToContainTextAsync("omtanke");
        await employee.ScreenshotAsync(new() { Path = Artifacts.PathFor("hoering-udkast.png"), FullPage = true });
        await employee.GetByLabel("Din kommentar").FillAsync("Godt, at omtanken kommer med.");
        await employee.GetByRole(AriaRole.Button, new() { Name = "Send kommentar" }).ClickAsync();
        await Assertions.Expect(employee.Locator(".notice")).ToContainTextAsync("Din kommentar er sendt");

        // The editor sees who opened and commented, and sends the change to approval.
        await editor.ReloadAsync();
        await Assertions.Expect(editor.Locator("[data-consultation]")).ToContainTextAsync("Mette Medarbejder åbnede linket.");
        await Assertions.Expect(editor.Locator("[data-consultation]")).ToContainTextAsync("Godt, at omtanken kommer med.");
        await editor.GetByLabel("Bemærkning til godkenderen (valgfri)").FillAsync("Efter høringen i Hovedudvalget.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "til godkendelse" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".notice")).ToContainTextAsync("sendt til godkendelse");

        // The approver sees it on the overview with the note and the diff, and approves and publishes.
        await approver.GotoAsync("/admin");
        var waiting = approver.Locator("[data-awaiting-approval]");
        await Assertions.Expect(waiting).ToContainTextAsync("Efter høringen i Hovedudvalget.");
        await Assertions.Expect(waiting.Locator("ins").First).ToContainTextAsync("omtanke");
        await approver.ScreenshotAsync(new() { Path = Artifacts.PathFor("godkendelse-oversigt.png"), FullPage = true });
        await waiting.GetByRole(AriaRole.Link, new() { Name = "Mod" }).ClickAsync();
        await approver.WaitForURLAsync(EditPage());
        await approver.GetByRole(AriaRole.Button, new() { Name = "Godkend og udgiv" }).ClickAsync();
        await Assertions.Expect(approver.Locator(".notice")).ToContainTextAsync("Godkendt og udgivet");

        // The employee sees the change; the link now answers 410, in Danish.
        await employee.GotoAsync("/pejlemaerker/mod");
        await Assertions.Expect(employee.Locator("main")).ToContainTextAsync("Vi siger fra med omtanke.");
        var gone = await employee.GotoAsync(link);
        Assert.Equal(410, gone!.Status);
        await Assertions.Expect(employee.Locator("main")).ToContainTextAsync("Udkastet er blevet udgivet.");
    }

    [Fact]
    public async Task ADraftsMarkerWordIsOnNoPageOfTheCatalogueInSearchOrInTheCachedPages()
    {
        const string marker = "Blæksprutteudkast";
        await using var server = new PortalFactory().StartOnKestrel();
        using (var scope = server.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            foreach (var key in new[] { "mod", "phoenix" })
            {
                var item = (await editor.FindAsync(db.Items.Where(i => i.Key == key).Select(i => i.Id).Single()))!;
                var input = RevisionInput.From(item.CurrentRevision!);
                var draft = await editor.SaveDraftAsync(item.Id, item.Version, input with { Title = input.Title + " " + marker, Body = input.Body + "\n\n" + marker }, "Hanne");
                Assert.True(draft.Succeeded, string.Join(" ", draft.Errors.Values));
                Assert.NotNull((await scope.ServiceProvider.GetRequiredService<Consultations>().CreateAsync(item.Id, draft.Revision!.Number, null, "Hanne")).Token);
            }
        }

        await using var editorContext = await ContextAsync(server, "hr-redaktoer");
        await using var employeeContext = await ContextAsync(server, "medarbejder");
        var catalog = await PageCatalog.DiscoverAsync(server, editorContext.APIRequest);
        var readersPages = catalog.Pages.Select(p => p.Path)
            .Where(p => !p.StartsWith("/admin", StringComparison.Ordinal) && !p.StartsWith("/hoering/", StringComparison.Ordinal))
            .Append("/soeg?q=" + marker).Append("/en/soeg?q=" + marker).Append("/aendringer").ToList();
        Assert.Contains("/pejlemaerker/mod", readersPages);

        // The search's results are where the check looks: a published word finds them.
        Assert.Contains("search-result", SearchResults(await (await employeeContext.APIRequest.GetAsync(server.Url("/soeg?q=mod"))).TextAsync()));

        // Twice each: the second answer comes from the whole-page cache where the page is kept.
        for (var round = 0; round < 2; round++)
        {
            foreach (var path in readersPages)
            {
                var response = await employeeContext.APIRequest.GetAsync(server.Url(path));
                var text = await response.TextAsync();
                var shown = path.Contains("?q=", StringComparison.Ordinal) ? SearchResults(text) : text;
                Assert.False(shown.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{path} shows the draft's marker word.");
            }
        }
    }

    /// <summary>A search page repeats the query in its field, heading and links; only its results count.</summary>
    private static string SearchResults(string html) =>
        Regex.Match(html, "<ol class=\"search-results\">[\\s\\S]*?</ol>").Value;

    private async Task<IBrowserContext> ContextAsync(PortalFactory server, string persona)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "da-DK", ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        await BrowserFixture.SignInAsync(context, persona);
        return context;
    }

    [GeneratedRegex(@"/admin/indhold/\d+$")]
    private static partial Regex EditPage();
}
