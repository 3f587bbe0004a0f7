using System.Text;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Courses;

/// <summary>Courses through the editing service on real SQLite: the same revisions, audit and publishing as all content.</summary>
public sealed class CourseEditingTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContentEditor Editor() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private CourseDateEditor Dates() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<CourseDateEditor>();

    private CourseImporter Importer() => _database.Services.CreateScope().ServiceProvider.GetRequiredService<CourseImporter>();

    private static RevisionInput Course(string title, string audience = "Ledere", string forvaltning = "Tværgående", string days = "2", string bearings = "mod", string signUp = "phoenix@odense.dk") =>
        new(title, null, "Kort om forløbet.", "Om forløbet.") { Course = new(audience, forvaltning, days, bearings, signUp) };

    [Fact]
    public async Task DateChangesMoveTheContentVersionSoOtherInstancesReload()
    {
        var created = await Editor().CreateAsync(ContentKind.Course, Course("Hold på tværs"), "Hanne");
        var before = await VersionAsync();

        var added = await Dates().AddDateAsync(created.Item!.Id, new CourseDateInput("24-03-2027 09:00", "24-03-2027 15:00", "Phønix", "20", "0", "Open"), "Hanne");
        var afterAdd = await VersionAsync();
        var changed = await Dates().UpdateDateAsync(created.Item.Id, added.Date!.Id, added.Date.Version,
            new CourseDateInput("24-03-2027 09:00", "24-03-2027 15:00", "Phønix", "20", "20", "Full"), "Hanne");

        Assert.True(added.Succeeded && changed.Succeeded);
        Assert.True(afterAdd > before, "adding a date did not move the version stamp");
        Assert.True(await VersionAsync() > afterAdd, "changing a date did not move the version stamp");
    }

    private async Task<long> VersionAsync()
    {
        await using var db = _database.NewContext();
        return await Medarbejdergrundlag.Content.Publishing.ContentVersion.ReadAsync(db);
    }

    [Fact]
    public async Task ACourseIsAContentItemWhoseOwnFieldsAreRevisioned()
    {
        var created = await Editor().CreateAsync(ContentKind.Course, Course("Mod i praksis", days: "1,5"), "Hanne");
        Assert.True(created.Succeeded);

        var saved = await Editor().SaveDraftAsync(created.Item!.Id, created.Item.Version, Course("Mod i praksis", audience: "Alle", days: "1,5"), "Hanne");
        Assert.True(saved.Succeeded);

        await using var db = _database.NewContext();
        var revisions = await db.Revisions.Where(r => r.ContentItemId == created.Item.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([Audience.Ledere, Audience.Alle], revisions.Select(r => r.Course!.Audience));
        Assert.All(revisions, r => Assert.Equal((1.5m, Forvaltning.Tvaergaaende, "mod"), (r.Course!.LengthDays, r.Course.Forvaltning, string.Join(',', r.Course.BearingKeys))));
        Assert.Contains(RevisionDiff.Compare(revisions[0], revisions[1]), l => l.Kind == DiffLineKind.Added && l.Text == "Målgruppe: Alle");

        // Saving the same fields again adds no revision.
        var again = await Editor().SaveDraftAsync(created.Item.Id, saved.Item!.Version, Course("Mod i praksis", audience: "Alle", days: "1.5"), "Hanne");
        Assert.Equal(2, again.Revision!.Number);
    }

    [Theory]
    [InlineData("Chefer", "Tværgående", "2", "mod", "phoenix@odense.dk", RevisionFields.Audience)]
    [InlineData("Ledere", "Teknik", "2", "mod", "phoenix@odense.dk", RevisionFields.Forvaltning)]
    [InlineData("Ledere", "Tværgående", "0,3", "mod", "phoenix@odense.dk", RevisionFields.LengthDays)]
    [InlineData("Ledere", "Tværgående", "2", "snilde", "phoenix@odense.dk", RevisionFields.Bearings)]
    [InlineData("Ledere", "Tværgående", "2", "mod", "", RevisionFields.SignUp)]
    [InlineData("Ledere", "Tværgående", "2", "mod", "https://ikke et link", RevisionFields.SignUp)]
    public async Task ABadCourseFieldIsRefusedAndNothingIsWritten(string audience, string forvaltning, string days, string bearings, string signUp, string field)
    {
        var result = await Editor().CreateAsync(ContentKind.Course, Course("Forkert", audience, forvaltning, days, bearings, signUp), "Hanne");

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey(field), string.Join(" ", result.Errors.Keys));
        await using var db = _database.NewContext();
        Assert.False(await db.Items.AnyAsync(i => i.Kind == ContentKind.Course));
    }

    [Fact]
    public async Task DatesAreStoredInUtcAndEveryChangeIsAudited()
    {
        var course = await Editor().CreateAsync(ContentKind.Course, Course("Hold"), "Hanne");
        var added = await Dates().AddDateAsync(course.Item!.Id, new CourseDateInput("31-03-2027 09:00", "16:00", "Phønix", "10", "2", ""), "Hanne");
        var changed = await Dates().UpdateDateAsync(course.Item.Id, added.Date!.Id, 1, new CourseDateInput("31-03-2027 09:00", "16:00", "Phønix", "10", "2", "Aflyst"), "Bo");
        var stale = await Dates().UpdateDateAsync(course.Item.Id, added.Date.Id, 1, new CourseDateInput("31-03-2027 10:00", "16:00", "Phønix", "10", "2", ""), "Anna");

        Assert.True(changed.Succeeded);
        Assert.Equal(EditOutcome.Conflict, stale.Outcome);
        await using var db = _database.NewContext();
        var date = await db.CourseDates.SingleAsync();
        Assert.Equal((new DateTime(2027, 3, 31, 7, 0, 0, DateTimeKind.Utc), CourseDateStatus.Cancelled, 2), (date.StartsAt, date.Status, date.Version));
        var audit = await db.AuditEntries.Where(a => a.ContentItemId == course.Item.Id).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.DateAdded, AuditAction.DateChanged], audit);
    }

    [Fact]
    public async Task AnImportThatClashesWithTheDatabaseWritesNothing()
    {
        var archived = await Editor().CreateAsync(ContentKind.Course, Course("Arkiveret forløb"), "Hanne");
        await Editor().SetArchivedAsync(archived.Item!.Id, true, archived.Item.Version, "Hanne");
        var text = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted\r\n" +
                   "Nyt forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n" +
                   "Arkiveret forløb;Ledere;Tværgående;2;Mod;phoenix@odense.dk;25-03-2027 09:00;15:00;Phønix\r\n";
        var preview = CourseImport.Read(text, [("mod", "Mod")]);
        Assert.True(preview.IsValid);

        var result = await Importer().ImportAsync(preview, publish: true, "Hanne");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.StartsWith("Linje 3: Forløbet »Arkiveret forløb« er arkiveret.", StringComparison.Ordinal));
        await using var db = _database.NewContext();
        Assert.Equal(1, await db.Items.CountAsync(i => i.Kind == ContentKind.Course));
        Assert.Equal(0, await db.CourseDates.CountAsync());
    }

    [Fact]
    public async Task ImportedCoursesArePublishedWithTheirDatesWhenAsked()
    {
        var text = "\"Titel\";Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted;Beskrivelse\r\n" +
                   "Nyt forløb;Ledere;Tværgående;2;Mod, Handlekraft;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix;\"To linjer:\r\nden anden\"\r\n";
        var preview = CourseImport.Read(text, [("mod", "Mod"), ("handlekraft", "Handlekraft")]);

        var result = await Importer().ImportAsync(preview, publish: true, "Hanne");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var site = await _database.Services.GetRequiredService<PublishedContentStore>().GetAsync();
        var course = Assert.Single(site.Courses);
        Assert.Equal(["handlekraft", "mod"], course.Course!.Details.BearingKeys);
        Assert.Single(course.Course.Dates);
        Assert.Contains("den anden", course.BodyHtml);
        Assert.Equal([course], site.CoursesTraining("mod"));
    }

    [Fact]
    public void AWindows1252FileAndAUtf8FileReadTheSame()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        const string text = "Titel;Sted\r\nÆldre- og Handicapforvaltningen;Phønix, Århus\r\n";

        Assert.Equal(text, CourseSheet.Decode(Encoding.GetEncoding(1252).GetBytes(text)));
        Assert.Equal(text, CourseSheet.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal(text, CourseSheet.Decode(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("24-03-2027 09:00", 2027, 3, 24, 8)]
    [InlineData("31-03-2027 09:00", 2027, 3, 31, 7)]
    [InlineData("1-11-2027 9.00", 2027, 11, 1, 8)]
    [InlineData("2027-07-01T09:00", 2027, 7, 1, 7)]
    public void CopenhagenWallClockTimeIsStoredAsUtc(string text, int year, int month, int day, int utcHour)
    {
        Assert.Equal(new DateTime(year, month, day, utcHour, 0, 0, DateTimeKind.Utc), CopenhagenTime.ParseLocal(text).Utc);
    }

    [Fact]
    public void AWallClockTimeThatOccursTwiceIsRefused()
    {
        var (utc, error) = CopenhagenTime.ParseLocal("31-10-2027 02:30");

        Assert.Null(utc);
        Assert.Contains("forekommer to gange", error);
    }
}
