using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>The editors' work through the real pages and forms, on a fresh portal per test.</summary>
public sealed class EditingTests : IAsyncLifetime
{
    private const string EditForm = "form.edit-form";
    private readonly PortalFactory _factory = new();
    private HttpClient _editor = default!;
    private HttpClient _employee = default!;
    private int _modId;

    public async Task InitializeAsync()
    {
        _editor = await _factory.SignedInClientAsync("hr-redaktoer");
        _employee = await _factory.SignedInClientAsync("medarbejder");
        _modId = await ItemIdAsync("mod");
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private string EditPath => $"/admin/indhold/{_modId}";

    [Fact]
    public async Task AnEditorChangesABearingPreviewsItPublishesItAndRestoresThePreviousVersion()
    {
        var saved = await Forms.SubmitAsync(_editor, EditPath, EditForm,
            new() { ["Form.Body"] = "Vi tør sige fra, også når det er svært.", ["Form.ChangeNote"] = "Kortere tekst" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var preview = await _editor.GetDocumentAsync(EditPath + "/forhaandsvisning");
        Assert.Contains("Vi tør sige fra, også når det er svært.", preview.QuerySelector("main")!.Text());
        Assert.NotNull(preview.QuerySelector("main article.bearing h1"));
        Assert.DoesNotContain("Vi tør sige fra", await PublicTextAsync("/pejlemaerker/mod"));

        var published = await Forms.SubmitAsync(_editor, EditPath, EditForm, handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Vi tør sige fra, også når det er svært.", await PublicTextAsync("/pejlemaerker/mod"));
        Assert.Contains("Vi tør sige fra, også når det er svært.", await PublicTextAsync("/medarbejdergrundlag"));

        var history = await _editor.GetDocumentAsync(EditPath + "/historik");
        var restoreFirst = history.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=number][value='1']") is not null);
        var restored = await Forms.PostAsync(_editor, EditPath + "/historik", restoreFirst);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);

        // The restored text is a draft until it is published again.
        Assert.Contains("Vi tør sige fra, også når det er svært.", await PublicTextAsync("/pejlemaerker/mod"));
        await Forms.SubmitAsync(_editor, EditPath, EditForm, handler: "Publish");
        var text = await PublicTextAsync("/pejlemaerker/mod");
        Assert.Contains("Vi har modet til at indgå i nye og anderledes samarbejdsrelationer", text);
        Assert.DoesNotContain("Vi tør sige fra, også når det er svært.", text);
    }

    [Fact]
    public async Task SavingABearingKeepsItsDialogQuestionsAndEditedQuestionsReachTheManagersPage()
    {
        var form = (await _editor.GetDocumentAsync(EditPath)).QuerySelector(EditForm)!;
        var seeded = form.QuerySelector("textarea[name='Form.Bearing.DialogQuestions']")!.TextContent.Trim();
        Assert.NotEmpty(seeded);

        await Forms.PostAsync(_editor, EditPath, form, new() { ["Form.Body"] = "Kun teksten er ændret." }, "Publish");
        Assert.Equal(seeded, (await _editor.GetDocumentAsync(EditPath)).QuerySelector("textarea[name='Form.Bearing.DialogQuestions']")!.TextContent.Trim());

        await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Bearing.DialogQuestions"] = "Hvornår sagde du sidst fra?\nHvad gav dig mod i dag?" }, "Publish");
        var leader = await _factory.SignedInClientAsync("leder");
        var managers = (await leader.GetDocumentAsync("/til-ledere")).QuerySelector("main")!.TextContent;
        Assert.Contains("Hvornår sagde du sidst fra?", managers);
        Assert.Contains("Hvad gav dig mod i dag?", managers);
    }

    [Fact]
    public async Task OnlyEditorsCanSeeADraft()
    {
        await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Body"] = "Hemmelig kladde." }, "Save");

        Assert.Equal(HttpStatusCode.Forbidden, (await _employee.GetAsync(EditPath + "/forhaandsvisning")).StatusCode);
        Assert.DoesNotContain("Hemmelig kladde.", await PublicTextAsync("/pejlemaerker/mod"));
        Assert.DoesNotContain("Hemmelig kladde.", await PublicTextAsync("/medarbejdergrundlag"));
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsGetsAConflictKeepsTheirTextAndTheFirstsTextIsStored()
    {
        var second = await _factory.SignedInClientAsync("hr-redaktoer");
        var firstForm = (await _editor.GetDocumentAsync(EditPath)).QuerySelector(EditForm)!;
        var secondForm = (await second.GetDocumentAsync(EditPath)).QuerySelector(EditForm)!;

        var first = await Forms.PostAsync(_editor, EditPath, firstForm, new() { ["Form.Body"] = "Annas tekst." }, "Save");
        var late = await Forms.PostAsync(second, EditPath, secondForm, new() { ["Form.Body"] = "Bos tekst, som ikke må gå tabt." }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var page = Html.Parse(await late.Content.ReadAsStringAsync());
        Assert.Contains("har gemt en ny version (2), mens du skrev", page.QuerySelector(".error-summary")!.Text());
        Assert.Equal("Bos tekst, som ikke må gå tabt.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Contains("Annas tekst.", page.QuerySelector(".conflict .diff__line--added")!.Text());
        Assert.Equal("Annas tekst.", await CurrentBodyAsync("mod"));

        // Saving again, now knowingly on top of version 2, goes through.
        var again = await Forms.PostAsync(second, EditPath, page.QuerySelector(EditForm)!, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Bos tekst, som ikke må gå tabt.", await CurrentBodyAsync("mod"));
    }

    [Fact]
    public async Task ARenamedBearingAnswersItsOldAddressesWithAPermanentRedirect()
    {
        await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Slug"] = "Modet" }, "Publish");
        await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Slug"] = "mod-og-mening" }, "Publish");

        foreach (var old in new[] { "/pejlemaerker/mod", "/pejlemaerker/modet" })
        {
            var response = await _employee.GetAsync(old);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/pejlemaerker/mod-og-mening", response.Headers.Location!.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, (await _employee.GetAsync("/pejlemaerker/mod-og-mening")).StatusCode);
        Assert.Equal("/pejlemaerker/mod-og-mening",
            (await _employee.GetDocumentAsync("/pejlemaerker/udvikling")).QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task InvalidInputShowsADanishSummaryAndFieldMessagesAndSavesNothing()
    {
        var response = await Forms.SubmitAsync(_editor, EditPath, EditForm,
            new() { ["Form.Title"] = " ", ["Form.Slug"] = "admin", ["Form.Body"] = "Min tekst" }, "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Equal("Der er noget, der skal rettes", summary.QuerySelector("h2")!.Text());
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Form_Title", links);
        Assert.Contains("#Form_Slug", links);
        Assert.Equal("Skriv en titel.", page.QuerySelector("#Form_Title-error")!.Text());
        Assert.Contains("forbeholdt portalen", page.QuerySelector("#Form_Slug-error")!.Text());
        Assert.Equal("Min tekst", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Equal(1, await RevisionCountAsync());
    }

    [Fact]
    public async Task HostileMarkdownPublishedThroughTheAdminAreaNeverReachesThePublicHtmlAsCode()
    {
        const string hostile = """
            <script>alert('x')</script>
            <img src=x onerror=alert(1)>
            [klik](javascript:alert(1)) [klik2](JaVaScRiPt:alert(2)) [klik3](&#106;avascript:alert(3))
            ![billede](data:image/svg+xml;base64,PHN2Zz4=)
            <a href="javascript:alert(4)" onclick="alert(5)">link</a>
            """;

        await Forms.SubmitAsync(_editor, EditPath, EditForm,
            new() { ["Form.Body"] = hostile, ["Form.Lead"] = "[overskrift](vbscript:msgbox(1)) <b onmouseover=alert(6)>x</b>" }, "Publish");

        foreach (var path in new[] { "/pejlemaerker/mod", "/medarbejdergrundlag", "/" })
        {
            var document = await _employee.GetDocumentAsync(path);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
            // The page's own favicon is a data: URI in <head>; what editors wrote lives in <main>.
            Assert.DoesNotContain(document.QuerySelector("main")!.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            // The page's own favicon is a data: URI in <head>; what editors wrote lives in <main>.
            Assert.DoesNotContain(document.QuerySelector("main")!.QuerySelectorAll("*"), e => e.Attributes.Any(a =>
                (a.Name is "href" or "src") && System.Text.RegularExpressions.Regex.IsMatch(a.Value, @"^\s*(javascript|vbscript|data):", System.Text.RegularExpressions.RegexOptions.IgnoreCase)));
        }

        Assert.Contains("<script>alert('x')</script>", await PublicTextAsync("/pejlemaerker/mod"));
    }

    [Fact]
    public async Task ArchivingHidesABearingAndItCanBeBroughtBack()
    {
        var archived = await Forms.SubmitAsync(_editor, EditPath, "form[action*='handler=Archive']");
        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync("/pejlemaerker/mod")).StatusCode);

        var overview = await _editor.GetDocumentAsync("/admin");
        var bringBack = overview.QuerySelector("form[action*='handler=Unarchive']")!;
        var response = await Forms.PostAsync(_editor, "/admin", bringBack);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _employee.GetAsync("/pejlemaerker/mod")).StatusCode);
    }

    [Fact]
    public async Task ReorderingBearingsChangesThePublicOrder()
    {
        var overview = await _editor.GetDocumentAsync("/admin");
        var faellesskabRow = overview.QuerySelectorAll("tr").Single(r => r.QuerySelector("td a")?.Text() == "Fællesskab");

        // As a browser does: the table's form, with the pressed button's own name and value, sent where its formaction says.
        var moveUp = faellesskabRow.QuerySelectorAll("button").Single(b => b.Text().StartsWith("Flyt op", StringComparison.Ordinal));
        var response = await Forms.PostAsync(_editor, moveUp.GetAttribute("formaction")!, moveUp.Closest("form")!,
            new() { [moveUp.GetAttribute("name")!] = moveUp.GetAttribute("value")! });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cards = (await _employee.GetDocumentAsync("/pejlemaerker")).QuerySelectorAll(".card__title").Select(c => c.Text());
        Assert.Equal(["Mod", "Udvikling", "Fællesskab", "Handlekraft"], cards);
    }

    [Fact]
    public async Task CreatingANewBearingMakesAnUnpublishedDraft()
    {
        var response = await Forms.SubmitAsync(_editor, "/admin/indhold/ny/pejlemaerke", EditForm,
            new() { ["Form.Title"] = "Nysgerrighed", ["Form.Lead"] = "Lyst til at spørge", ["Form.Body"] = "Vi spørger.", ["Form.Bearing.Points"] = "Vi lytter" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _employee.GetAsync("/pejlemaerker/nysgerrighed")).StatusCode);
        var edit = await _editor.GetDocumentAsync(response.Headers.Location!.ToString());
        Assert.Contains("Ikke udgivet endnu", edit.QuerySelector(".item-status")!.Text());
    }

    [Fact]
    public async Task TheAuditLogShowsEachActionAndFilters()
    {
        await Forms.SubmitAsync(_editor, EditPath, EditForm, new() { ["Form.Body"] = "Ny tekst", ["Form.ChangeNote"] = "Prøve" }, "Publish");

        var log = await _editor.GetDocumentAsync("/admin/log");
        var actions = log.QuerySelectorAll("tbody tr td:nth-child(3)").Select(td => td.Text()).ToList();
        Assert.Equal(["Udgivet", "Gemt"], actions);
        Assert.Equal(["Hanne HR-redaktør", "Hanne HR-redaktør"], log.QuerySelectorAll("tbody tr td:nth-child(2) .audit-user").Select(e => e.Text()));
        Assert.Equal(["persona:hr-redaktoer", "persona:hr-redaktoer"], log.QuerySelectorAll("tbody tr td:nth-child(2) .audit-user-id").Select(e => e.Text()));
        Assert.Contains("Version 2: Prøve", log.QuerySelector("tbody")!.Text());

        var filtered = await _editor.GetDocumentAsync("/admin/log?handling=Published");
        Assert.Single(filtered.QuerySelectorAll("tbody tr"));
        var otherItem = await _editor.GetDocumentAsync($"/admin/log?indhold={await ItemIdAsync("phoenix")}");
        Assert.Empty(otherItem.QuerySelectorAll("tbody tr"));
        var badDate = await _editor.GetAsync("/admin/log?fra=31-02-2026");
        Assert.Equal(HttpStatusCode.OK, badDate.StatusCode);
        Assert.Contains("kunne ikke forstås", await badDate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheLivePreviewUsesThePublicRendererAndNeedsTheToken()
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(_editor, EditPath);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/markdown")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "## Fællesskab\n\n[x](javascript:alert(1)) **fed**" }),
        };
        request.Headers.Add("RequestVerificationToken", token);

        var html = await (await _editor.SendAsync(request)).Content.ReadAsStringAsync();
        var withoutToken = await _editor.PostAsync("/admin/markdown", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));
        using var tooLong = new HttpRequestMessage(HttpMethod.Post, "/admin/markdown")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = new string('a', Medarbejdergrundlag.Content.Editing.RevisionValidator.BodyMax + 1) }),
        };
        tooLong.Headers.Add("RequestVerificationToken", token);
        var tooLongHtml = await (await _editor.SendAsync(tooLong)).Content.ReadAsStringAsync();
        // The longest text a revision may have is still shown; no text at all shows nothing.
        using var longest = new HttpRequestMessage(HttpMethod.Post, "/admin/markdown")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = new string('a', Medarbejdergrundlag.Content.Editing.RevisionValidator.BodyMax) }),
        };
        longest.Headers.Add("RequestVerificationToken", token);
        Assert.Equal($"<p>{new string('a', Medarbejdergrundlag.Content.Editing.RevisionValidator.BodyMax)}</p>", (await (await _editor.SendAsync(longest)).Content.ReadAsStringAsync()).Trim());
        using var empty = new HttpRequestMessage(HttpMethod.Post, "/admin/markdown") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["tekst"] = "ikke feltet" }) };
        empty.Headers.Add("RequestVerificationToken", token);
        var emptyResponse = await _editor.SendAsync(empty);
        Assert.Equal(HttpStatusCode.OK, emptyResponse.StatusCode);
        Assert.Equal("", (await emptyResponse.Content.ReadAsStringAsync()).Trim());

        Assert.Equal("<p>Teksten er for lang til at blive vist.</p>", tooLongHtml.Trim());
        Assert.Contains("<h2 id=\"afsnit-faellesskab\">Fællesskab</h2>", html);
        Assert.Contains("<strong>fed</strong>", html);
        Assert.DoesNotContain("javascript", html);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    private async Task<string> PublicTextAsync(string path) =>
        (await _employee.GetDocumentAsync(path)).QuerySelector("main")!.TextContent;

    private async Task<int> ItemIdAsync(string key)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
    }

    private async Task<string> CurrentBodyAsync(string key)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        return await db.Items.Where(i => i.Key == key).Select(i => i.CurrentRevision!.BodyMarkdown).SingleAsync();
    }

    private async Task<int> RevisionCountAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Revisions.CountAsync(r => r.ContentItemId == _modId);
    }
}
