using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>The spreadsheet import through the real admin pages: preview, errors in Danish, all or nothing.</summary>
public sealed class ImportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Header = "Titel;Resumé;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted;Pladser;Tilmeldte;Status";
    private const string LearningRow1 = "Læring på tværs;Et forløb om læring;Ledere;Børn- og Ungeforvaltningen;2;Mod, Fællesskab;phoenix@odense.dk;24-03-2027 09:00;25-03-2027 15:00;Phønix;20;4;";
    private const string LearningRow2 = "Læring på tværs;Et forløb om læring;Ledere;Børn- og Ungeforvaltningen;2;Mod, Fællesskab;phoenix@odense.dk;14-04-2027 09:00;15-04-2027 15:00;Phønix;20;20;Fuldt booket";
    private const string CultureRow = "\"Kultur; og mod\";\"Med \"\"citat\"\"\";Alle;Tværgående;0,5;;https://example.test/tilmeld;05-05-2027 09:00;12:00;Odense Rådhus;;;";

    private static readonly Encoding Windows1252 = CodePages();

    private readonly CoursePortal _portal = new();
    private HttpClient _editor = default!;

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public async Task InitializeAsync() => _editor = await _portal.SignedInClientAsync("hr-redaktoer");

    public Task DisposeAsync()
    {
        _portal.Dispose();
        return Task.CompletedTask;
    }

    private static byte[] Utf8WithBom(params string[] lines) =>
        [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")];

    private async Task<IDocument> PreviewAsync(byte[] file, string name = "forloeb.csv")
    {
        var token = await PortalFactory.AntiforgeryTokenAsync(_editor, "/admin/forloeb/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", name },
        };
        var response = await _editor.PostAsync("/admin/forloeb/import?handler=Preview", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> ConfirmAsync(IDocument preview, bool publish)
    {
        var form = preview.QuerySelector("form.import-confirm") ?? throw new InvalidOperationException("No import button: " + preview.QuerySelector(".import-preview")?.Text());
        return await Forms.PostAsync(_editor, "/admin/forloeb/import", form, publish ? new() { ["Publish"] = "true" } : null);
    }

    private (int Courses, int Dates, int Revisions, int Audit) Counts() => _portal.Query(db => (
        db.Items.Count(i => i.Kind == ContentKind.Course),
        db.CourseDates.Count(),
        db.Revisions.Count(r => r.ContentItem!.Kind == ContentKind.Course),
        db.AuditEntries.Count()));

    [Fact]
    public async Task AValidFileImportsExactlyItsRows()
    {
        var preview = await PreviewAsync(Utf8WithBom(Header, LearningRow1, LearningRow2, CultureRow));
        Assert.Contains("3 hold i 2 forløb er klar til import", preview.QuerySelector(".import-preview")!.Text());

        var imported = await ConfirmAsync(preview, publish: true);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);

        Assert.Equal((2, 3), (Counts().Courses, Counts().Dates));
        var learning = _portal.Query(db => db.Revisions.Single(r => r.Title == "Læring på tværs"));
        Assert.Equal((Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, 2m, "faellesskab,mod", "phoenix@odense.dk"),
            (learning.Course!.Audience, learning.Course.Forvaltning, learning.Course.LengthDays, string.Join(',', learning.Course.BearingKeys), learning.Course.SignUp));
        var culture = _portal.Query(db => db.Revisions.Single(r => r.Title == "Kultur; og mod"));
        Assert.Equal("Med \"citat\"", culture.LeadMarkdown);
        Assert.Equal(0.5m, culture.Course!.LengthDays);

        // 24 March 09:00 in Copenhagen is 08:00 UTC; 5 May 12:00 (summer time) is 10:00 UTC.
        var dates = _portal.Query(db => db.CourseDates.OrderBy(d => d.StartsAt).ToList());
        Assert.Equal(new DateTime(2027, 3, 24, 8, 0, 0, DateTimeKind.Utc), dates[0].StartsAt);
        Assert.Equal(new DateTime(2027, 5, 5, 10, 0, 0, DateTimeKind.Utc), dates[2].EndsAt);
        Assert.Equal(CourseDateStatus.Full, dates[1].Status);
        Assert.Equal(1, _portal.Query(db => db.AuditEntries.Count(a => a.Action == AuditAction.Imported)));

        var employee = await _portal.SignedInClientAsync();
        var page = await employee.GetDocumentAsync("/phoenix/forloeb");
        Assert.Equal(["Læring på tværs", "Kultur; og mod"], page.QuerySelectorAll(".course-card h2").Select(h => h.Text()).ToList());
    }

    [Fact]
    public async Task AWindows1252FileKeepsItsDanishLetters()
    {
        var file = Windows1252.GetBytes(string.Join("\r\n", Header, LearningRow1) + "\r\n");

        var imported = await ConfirmAsync(await PreviewAsync(file), publish: false);

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var revision = _portal.Query(db => db.Revisions.Single(r => r.ContentItem!.Kind == ContentKind.Course));
        Assert.Equal(("Læring på tværs", Forvaltning.BoernOgUngeforvaltningen), (revision.Title, revision.Course!.Forvaltning));
        Assert.Equal("Phønix", _portal.Query(db => db.CourseDates.Single().Location));

        // Imported as a draft: not on the public site.
        var employee = await _portal.SignedInClientAsync();
        Assert.Empty((await employee.GetDocumentAsync("/phoenix/forloeb")).QuerySelectorAll(".course-card"));
    }

    [Theory]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;1;;phoenix@odense.dk;31-02-2027 09:00;15:00;Phønix;;;", "Linje 3: Start: »31-02-2027 09:00« er ikke en dato med klokkeslæt. Skriv den som 24-03-2027 09:00.")]
    [InlineData("Fejlen;Et forløb;Ledere;Teknik- og Miljøforvaltningen;1;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;;;", "Linje 3: Forvaltningen »Teknik- og Miljøforvaltningen« kendes ikke.")]
    [InlineData(";Et forløb;Ledere;Tværgående;1;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;;;", "Linje 3: Skriv en titel.")]
    [InlineData("Fejlen;Et forløb;Chefer;Tværgående;1;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;;;", "Linje 3: Målgruppen »Chefer« kendes ikke.")]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;1;Mod, Snilde;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;;;", "Linje 3: Pejlemærket »Snilde« kendes ikke.")]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;1;;phoenix@odense.dk;24-03-2027 09:00;08:00;Phønix;;;", "Linje 3: Slut (24-03-2027 08:00) skal ligge efter start (24-03-2027 09:00).")]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;1;;phoenix@odense.dk;28-03-2027 02:30;15:00;Phønix;;;", "Linje 3: Start: Klokken 02:30 findes ikke den 28. marts 2027")]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;1;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;10;12;", "Linje 3: Der kan ikke være flere tilmeldte (12) end pladser (10).")]
    [InlineData("Fejlen;Et forløb;Ledere;Tværgående;tre;;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;;;", "Linje 3: Længden »tre« skal være")]
    [InlineData("Læring på tværs;Et andet resumé;Ledere;Børn- og Ungeforvaltningen;2;Mod, Fællesskab;phoenix@odense.dk;01-06-2027 09:00;15:00;Phønix;;;", "Linje 3: Forløbet »Læring på tværs« står også i linje 2 med andre oplysninger")]
    public async Task AnyErrorShowsItsRowInDanishAndSavesNothing(string badRow, string message)
    {
        var before = Counts();

        var preview = await PreviewAsync(Utf8WithBom(Header, LearningRow1, badRow));

        Assert.Contains(message, preview.QuerySelector(".import-errors")!.Text());
        Assert.Null(preview.QuerySelector("form.import-confirm"));

        // Posting the import anyway, past the preview, with a token no preview gave, writes nothing either.
        var token = await PortalFactory.AntiforgeryTokenAsync(_editor, "/admin/forloeb/import");
        var forced = await _editor.PostAsync("/admin/forloeb/import?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Token"] = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)),
            ["Publish"] = "true",
        }));
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("intet er importeret", (await forced.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task AFileWithoutTheRequiredColumnsIsRefusedAsAWhole()
    {
        var preview = await PreviewAsync(Utf8WithBom("Titel,Start,Slut", "Læring,24-03-2027 09:00,15:00"));

        var errors = preview.QuerySelector(".import-errors")!.Text();
        Assert.Contains("Der mangler: Titel, Målgruppe, Forvaltning, Dage, Tilmelding, Start, Slut, Sted.", errors);
        Assert.Contains("adskilt med komma", errors);
        Assert.Equal((0, 0), (Counts().Courses, Counts().Dates));
    }

    [Fact]
    public async Task ThePreviewRefusesAFileWhoseDatesExistAsTheImportWould()
    {
        var file = Utf8WithBom(Header, LearningRow1, LearningRow2);
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(await PreviewAsync(file), publish: true)).StatusCode);
        var after = Counts();

        // Issue 31, defect 5: the preview said "Ingen fejl" and the import then refused the file.
        var preview = await PreviewAsync(file);
        Assert.Null(preview.QuerySelector("form.import-confirm"));
        var verdict = preview.QuerySelector(".import-preview .error-summary")!.Text();
        Assert.Contains("Importen vil blive afvist", verdict);
        Assert.Contains("har allerede holdet 24-03-2027 09:00 på Phønix", verdict);
        Assert.Contains("Opdater eksisterende datoer", verdict);

        // The import, asked all the same with the preview's token, says the same and writes nothing.
        var fields = Forms.Fields(preview.QuerySelector("form.import-recheck")!);
        Assert.Equal(32, fields["Token"].Length);
        var second = await _editor.PostAsync("/admin/forloeb/import?handler=Import", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("har allerede holdet 24-03-2027 09:00 på Phønix", Html.Parse(await second.Content.ReadAsStringAsync()).QuerySelector(".import-preview .error-summary")!.Text());
        Assert.Equal(after, Counts());
    }

    [Fact]
    public async Task TheNoticeLinksTheImportedDraftsAndPublishesThemInOneStepThroughThePublishPath()
    {
        var imported = await ConfirmAsync(await PreviewAsync(Utf8WithBom(Header, LearningRow1, LearningRow2, CultureRow)), publish: false);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var page = await _editor.GetDocumentAsync(imported.Headers.Location!.OriginalString);

        var ids = _portal.Query(db => db.Items.Where(i => i.Kind == ContentKind.Course).OrderBy(i => i.Id).Select(i => i.Id).ToList());
        Assert.Equal(ids.Select(id => $"/admin/indhold/{id}"), page.QuerySelectorAll(".import-done a").Select(a => a.GetAttribute("href")).Order());
        Assert.All(page.QuerySelectorAll(".import-done li"), li => Assert.EndsWith("(kladde)", li.Text().Trim()));

        // Someone publishes one meanwhile by hand: its version moves, so the batch leaves it alone and says so.
        var form = page.QuerySelector("form.import-publish")!;
        Assert.Equal("Udgiv de 2 kladder", form.QuerySelector("button")!.Text().Trim());
        using (var scope = _portal.Services.CreateScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Editing.ContentEditor>();
            var item = await editor.FindAsync(ids[1]);
            Assert.True((await editor.PublishAsync(ids[1], item!.Version, "Kollega")).Succeeded);
        }

        // Every hidden "Drafts" field, as a browser sends them (Forms.Fields keeps one value per name).
        var fields = form.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        Assert.Equal(2, fields.Count(f => f.Key == "Drafts"));
        var response = await _editor.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await _editor.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var notice = after.QuerySelector(".notice")!.Text();
        Assert.Equal("Udgivet: 1 forløb. Ikke udgivet: »Kultur; og mod«: Det er ændret eller udgivet af en anden imens. Se det igen, og udgiv det derfra.", notice.Trim());
        Assert.All(after.QuerySelectorAll(".import-done li"), li => Assert.EndsWith("(udgivet)", li.Text().Trim()));
        Assert.Null(after.QuerySelector("form.import-publish"));

        // Each publish went through the publish path: published, and audited as a publish by the editor.
        Assert.True(_portal.Query(db => db.Items.Where(i => ids.Contains(i.Id)).All(i => i.PublishedRevisionId == i.CurrentRevisionId)));
        var audited = _portal.Query(db => db.AuditEntries.Where(a => a.Action == AuditAction.Published).Select(a => a.User).ToList());
        Assert.Equal(2, audited.Count);
        Assert.Contains("Kollega", audited);
    }

    [Fact]
    public async Task UpdatingExistingDatesChangesThemInPlaceAndKeepsTheOldValuesInTheHistory()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(await PreviewAsync(Utf8WithBom(Header, LearningRow1, LearningRow2)), publish: true)).StatusCode);
        var before = _portal.Query(db => db.CourseDates.OrderBy(d => d.StartsAt).Select(d => new { d.Id, d.Version }).ToList());
        var audit = Counts().Audit;

        // Phønix's updated sheet: more seats taken on the first date, the second cancelled, a third added.
        var seatsTaken = LearningRow1.Replace(";20;4;", ";20;12;", StringComparison.Ordinal);
        var cancelled = LearningRow2.Replace(";20;20;Fuldt booket", ";20;20;Aflyst", StringComparison.Ordinal);
        var added = LearningRow1.Replace("24-03-2027 09:00;25-03-2027 15:00", "02-06-2027 09:00;03-06-2027 15:00", StringComparison.Ordinal);
        var refused = await PreviewAsync(Utf8WithBom(Header, seatsTaken, cancelled, added));
        Assert.Null(refused.QuerySelector("form.import-confirm"));

        // The same upload again, with "Opdater eksisterende datoer": the preview shows each change.
        var recheck = refused.QuerySelector("form.import-recheck")!;
        var response = await Forms.PostAsync(_editor, "/admin/forloeb/import", recheck, new() { ["UpdateExisting"] = "true" });
        var preview = Html.Parse(await response.Content.ReadAsStringAsync());
        var ready = preview.QuerySelector(".import-preview .notice")!.Text();
        Assert.Contains("3 hold i 1 forløb er klar til import", ready);
        Assert.Contains("1 nyt hold, 2 eksisterende hold opdateres", ready);
        var changes = preview.QuerySelectorAll(".import-preview tbody tr").Select(r => r.QuerySelectorAll("td")[3].Text()).ToList();
        Assert.StartsWith("Opdateres. Før: 2 kursusdage, 24. marts 2027, 25. marts 2027, kl. 09.00–15.00, Phønix: 4 af 20 pladser taget, Åben", changes[0]);
        Assert.StartsWith("Opdateres. Før: 2 kursusdage, 14. april 2027", changes[1]);
        Assert.Contains("Fuldt booket", changes[1]);
        Assert.Equal("Nyt hold", changes[2]);
        Assert.Equal(Counts().Audit, audit);

        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(preview, publish: false)).StatusCode);

        // Nothing lost: the same rows, changed in place, a new version each, and the old values in the log.
        var dates = _portal.Query(db => db.CourseDates.OrderBy(d => d.StartsAt).ToList());
        Assert.Equal(3, dates.Count);
        Assert.Equal(before.Select(d => d.Id), dates.Take(2).Select(d => d.Id));
        Assert.Equal((12, CourseDateStatus.Cancelled), (dates[0].SeatsTaken, dates[1].Status));
        Assert.Equal(before.Select(d => d.Version + 1), dates.Take(2).Select(d => d.Version));
        var history = _portal.Query(db => db.AuditEntries.Where(a => a.Action == AuditAction.DateChanged).Select(a => a.Details).ToList());
        Assert.Equal(2, history.Count);
        Assert.Contains(history, h => h.Contains("Før: 2 kursusdage, 24. marts 2027, 25. marts 2027, kl. 09.00–15.00, Phønix: 4 af 20 pladser taget, Åben. Nu:", StringComparison.Ordinal) && h.Contains("12 af 20 pladser taget", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("Fuldt booket. Nu:", StringComparison.Ordinal) && h.EndsWith("Aflyst.", StringComparison.Ordinal));

        // The same sheet once more: every date as it is, nothing written but the import's own entry.
        var again = Counts();
        var third = await PreviewAsync(Utf8WithBom(Header, seatsTaken, cancelled, added));
        response = await Forms.PostAsync(_editor, "/admin/forloeb/import", third.QuerySelector("form.import-recheck")!, new() { ["UpdateExisting"] = "true" });
        preview = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("0 nye hold, 3 uændrede hold", preview.QuerySelector(".import-preview .notice")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(preview, publish: false)).StatusCode);
        Assert.Equal((again.Courses, again.Dates, again.Revisions, again.Audit + 1), Counts());
    }

    [Fact]
    public async Task AThousandRowWorkbookImportsEveryRowThroughTheAdminPage()
    {
        var rows = new List<Dictionary<string, object>>();
        for (var course = 0; course < 100; course++)
        {
            for (var date = 0; date < 10; date++)
            {
                var day = new DateTime(2027, 4, 1).AddDays(course + 7 * date);
                rows.Add(new()
                {
                    ["Titel"] = $"Forløb {course:000}", ["Resumé"] = $"Resumé {course}", ["Målgruppe"] = course % 2 == 0 ? "Ledere" : "Medarbejdere",
                    ["Forvaltning"] = "Tværgående", ["Dage"] = 1.5, ["Pejlemærker"] = "Mod", ["Tilmelding"] = "phoenix@odense.dk",
                    // Excel cells as Excel keeps them: date-times and numbers.
                    ["Start"] = day.AddHours(9), ["Slut"] = day.AddHours(15), ["Sted"] = $"Phønix sal {date}",
                    ["Pladser"] = 24, ["Tilmeldte"] = date, ["Status"] = "",
                });
            }
        }

        var timer = Stopwatch.StartNew();
        var preview = await PreviewAsync(Workbook(rows), "forloeb.xlsx");
        Assert.Contains("1.000 hold i 100 forløb er klar til import", preview.QuerySelector(".import-preview")!.Text());
        var imported = await ConfirmAsync(preview, publish: true);
        output.WriteLine($"Import of an .xlsx of 1,000 dates through the admin page (upload, preview, confirm): {timer.ElapsedMilliseconds} ms");

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal((100, 1000), (Counts().Courses, Counts().Dates));
        var first = _portal.Query(db => db.Revisions.First(r => r.Title == "Forløb 000"));
        Assert.Equal(1.5m, first.Course!.LengthDays);
        var dates = _portal.Query(db => db.CourseDates.Where(d => d.ContentItem!.Key == "forloeb-000").OrderBy(d => d.StartsAt).ToList());
        Assert.Equal(new DateTime(2027, 4, 1, 7, 0, 0, DateTimeKind.Utc), dates[0].StartsAt);
        Assert.Equal(new DateTime(2027, 4, 1, 13, 0, 0, DateTimeKind.Utc), dates[0].EndsAt);
        var employee = await _portal.SignedInClientAsync();
        Assert.Equal(100, (await employee.GetDocumentAsync("/phoenix/forloeb")).QuerySelectorAll(".course-card").Length);
    }

    [Fact]
    public async Task AWorkbooksErrorsNameTheirRowsInDanish()
    {
        var rows = new List<Dictionary<string, object>>
        {
            new() { ["Titel"] = "Læring", ["Målgruppe"] = "Ledere", ["Forvaltning"] = "Tværgående", ["Dage"] = 1, ["Tilmelding"] = "phoenix@odense.dk", ["Start"] = "24-03-2027 09:00", ["Slut"] = "15:00", ["Sted"] = "Phønix" },
            new() { ["Titel"] = "Læring 2", ["Målgruppe"] = "Chefer", ["Forvaltning"] = "Tværgående", ["Dage"] = 1, ["Tilmelding"] = "phoenix@odense.dk", ["Start"] = "31-02-2027 09:00", ["Slut"] = "15:00", ["Sted"] = "Phønix" },
        };

        var preview = await PreviewAsync(Workbook(rows), "forloeb.xlsx");

        var errors = preview.QuerySelector(".import-errors")!.Text();
        Assert.Contains("Linje 3: Målgruppen »Chefer« kendes ikke.", errors);
        Assert.Contains("Linje 3: Start: »31-02-2027 09:00« er ikke en dato med klokkeslæt.", errors);
        Assert.Null(preview.QuerySelector("form.import-confirm"));
        Assert.Equal((0, 0), (Counts().Courses, Counts().Dates));
    }

    [Fact]
    public async Task AFileThatIsNotASpreadsheetIsRefusedInDanish()
    {
        var preview = await PreviewAsync([.. "PK\u0003\u0004"u8, .. new byte[200]], "forloeb.xlsx");

        Assert.Contains("kunne ikke læses som et Excel-regneark", preview.QuerySelector(".import-errors")!.Text());
        Assert.Equal((0, 0), (Counts().Courses, Counts().Dates));
    }

    [Theory]
    [InlineData("xlsx", "phoenix-forloeb-skabelon.xlsx")]
    [InlineData("csv", "phoenix-forloeb-skabelon.csv")]
    public async Task TheTemplatesHoldTheColumnsAndAnExampleThatImports(string format, string name)
    {
        var page = await _editor.GetDocumentAsync("/admin/forloeb/import");
        var link = page.QuerySelectorAll("a[download]").Single(a => a.GetAttribute("href")!.EndsWith("format=" + format, StringComparison.Ordinal));

        var response = await _editor.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var file = await response.Content.ReadAsByteArrayAsync();

        var rows = Medarbejdergrundlag.Content.Courses.CourseSheet.Read(file);
        Assert.Equal(Medarbejdergrundlag.Content.Courses.CourseImport.Columns, rows[0].Cells);
        Assert.Equal(2, rows.Count);
        var preview = await PreviewAsync(file, name);
        Assert.Contains("1 hold i 1 forløb er klar til import", preview.QuerySelector(".import-preview")!.Text());
    }

    [Fact]
    public async Task FiveThousandRowsImportWithinTheRequestLimits()
    {
        var description = new string('x', 600);
        var lines = new List<string> { Header + ";Beskrivelse" };
        for (var row = 0; row < 5000; row++)
        {
            var day = new DateTime(2027, 4, 1).AddDays(row / 10);
            lines.Add($"Forløb {row % 50:00};Resumé;Ledere;Tværgående;1;Mod;phoenix@odense.dk;{day:dd-MM-yyyy} {9 + row % 10:00}:00;{9 + row % 10:00}:30;Phønix;;;;Om forløbet {row % 50} {description}");
        }

        var file = Utf8WithBom([.. lines]);
        Assert.True(file.Length > 3 * 1024 * 1024, $"{file.Length} bytes");

        var preview = await PreviewAsync(file);
        Assert.Contains("5.000 hold i 50 forløb er klar til import", preview.QuerySelector(".import-preview")!.Text());
        var imported = await ConfirmAsync(preview, publish: false);

        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal((50, 5000), (Counts().Courses, Counts().Dates));
    }

    private static byte[] Workbook(IEnumerable<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }
}
