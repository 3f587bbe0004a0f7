using System.Text.Json;
using System.Text.Json.Nodes;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Content.Tests.Backup;

/// <summary>
/// What an operator relies on when restoring: a forced restore leaves exactly the file's content, a
/// file written by an older version imports with the defaults of its time, and a file that names
/// something it does not hold, or smuggles anything but pictures into the image library, is refused
/// in Danish with nothing imported.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task AForcedRestoreOverAPortalWithEveryKindOfRowLeavesExactlyTheFilesContent()
    {
        // The file: the seed only, so no old addresses, dates, schedules, approvals, consultation
        // links, log lines, confirmations or images.
        await using var source = await TestDatabase.CreateAsync();
        var file = await ExportAsync(source, withConfirmations: true);
        // The portal restored over: every table has rows, the ones that point at items and revisions included.
        await using var target = await TestDatabase.CreateAsync(services: TestDatabase.WithoutApproval);
        await BackupCompletenessTests.MakeEveryPropertyCountAsync(target);

        Assert.Equal(12, await ImportAsync(target, file, force: true));

        Assert.Equal(Content(file), Content(await ExportAsync(target, withConfirmations: true)));
        await using var db = target.NewContext();
        Assert.Empty(await db.Confirmations.ToListAsync());
        Assert.Empty(await db.AuditEntries.ToListAsync());
        Assert.Empty(await db.Images.ToListAsync());
        Assert.Empty(await db.ImageRenditions.ToListAsync());
        Assert.Empty(await db.ConsultationEntries.ToListAsync());
    }

    [Fact]
    public async Task AForcedRestoreOfAFileFromBeforeTheImageLibraryKeepsTheLibrary()
    {
        await using var source = await TestDatabase.CreateAsync();
        var file = JsonNode.Parse(await ExportAsync(source))!.AsObject();
        Assert.True(file.Remove("images"));
        await using var target = await TestDatabase.CreateAsync();
        await using (var db = target.NewContext())
        {
            var image = new LibraryImage { Hash = new string('c', 32), AltDa = "Phønix' have", SourceFormat = "png", Width = 4, Height = 3 };
            image.Renditions.Add(new ImageRendition { Width = 4, Height = 3, Format = "png", Bytes = PngSignature });
            db.Images.Add(image);
            await db.SaveChangesAsync();
        }

        await ImportAsync(target, Bytes(file), force: true);

        await using var after = target.NewContext();
        var kept = await after.Images.Include(i => i.Renditions).SingleAsync();
        Assert.Equal((new string('c', 32), "Phønix' have"), (kept.Hash, kept.AltDa));
        Assert.Single(kept.Renditions);
    }

    [Fact]
    public async Task AFileFromBeforeTheLaterListsAndFieldsImportsWithTheDefaultsOfItsTime()
    {
        await using var source = await TestDatabase.CreateAsync();
        var courseKey = await AddCourseAsync(source);
        var file = JsonNode.Parse(await ExportAsync(source))!.AsObject();
        // As the first versions wrote it: no old addresses, log, images; no dates, schedules,
        // approvals, consultation links or course expiry on an item; no author id or material flag on a revision.
        foreach (var name in new[] { "redirects", "audit", "images" })
        {
            Assert.True(file.Remove(name), name);
        }

        foreach (var item in file["items"]!.AsArray().Select(i => i!.AsObject()))
        {
            foreach (var name in new[] { "dates", "schedules", "approvals", "consultationLinks", "keepAfterLastDate", "expiryHandledThrough" })
            {
                item.Remove(name);
            }

            foreach (var revision in item["revisions"]!.AsArray().Select(r => r!.AsObject()))
            {
                revision.Remove("createdById");
                revision.Remove("isMaterialChange");
            }
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero));
        await using var target = await EmptyDatabaseAsync(clock);

        Assert.Equal(file["items"]!.AsArray().Count, await ImportAsync(target, Bytes(file), force: false));

        await using var db = target.NewContext();
        var revisions = await db.Revisions.ToListAsync();
        Assert.NotEmpty(revisions);
        Assert.All(revisions, r => Assert.Equal(("", false), (r.CreatedById, r.IsMaterialChange)));
        // A course from before course expiry: its last dates up to the import are dealt with, so none archives it at once.
        var course = await db.Items.SingleAsync(i => i.Key == courseKey);
        Assert.Equal((false, clock.GetUtcNow().UtcDateTime), (course.KeepAfterLastDate, course.ExpiryHandledThrough));
        Assert.All(await db.Items.Where(i => i.Kind != ContentKind.Course).ToListAsync(), i => Assert.Null(i.ExpiryHandledThrough));
        Assert.False(await db.SlugRedirects.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
        Assert.False(await db.CourseDates.AnyAsync());
    }

    [Fact]
    public async Task ALogLineWithoutAnItemOrAUserIdImportsAsSuch()
    {
        await using var source = await TestDatabase.CreateAsync();
        var file = JsonNode.Parse(await ExportAsync(source))!.AsObject();
        // A line about an item that was deleted (no key), written before user ids were recorded.
        file["audit"] = new JsonArray(JsonNode.Parse("""{"at": "2026-01-05T10:00:00Z", "user": "Hanne", "action": "Published", "itemTitle": "Gammel side", "details": "Version 3"}"""));
        await using var target = await EmptyDatabaseAsync(TimeProvider.System);

        await ImportAsync(target, Bytes(file), force: false);

        await using var db = target.NewContext();
        var line = await db.AuditEntries.SingleAsync();
        Assert.Equal(("Hanne", "", null, "Gammel side"), (line.User, line.UserId, line.ContentItemId, line.ItemTitle));
    }

    [Fact]
    public async Task ARestoredTextShowsTheLibraryImagesTheFileCarriesWithTheirSizes()
    {
        await using var source = await TestDatabase.CreateAsync();
        var hash = new string('d', 32);
        await using (var db = source.NewContext())
        {
            var image = new LibraryImage { Hash = hash, AltDa = "Phønix' have", SourceFormat = "png", Width = 4, Height = 3 };
            image.Renditions.Add(new ImageRendition { Width = 4, Height = 3, Format = "png", Bytes = PngSignature });
            db.Images.Add(image);
            var mod = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
            var draft = new ContentRevision
            {
                Number = 2, Title = "Mod", Slug = "mod", BodyMarkdown = $"![Phønix' have](/billeder/{hash})", Bearing = new BearingDetails(),
                CreatedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), CreatedBy = "Hanne",
            };
            mod.Revisions.Add(draft);
            await db.SaveChangesAsync();
            mod.CurrentRevisionId = draft.Id;
            await db.SaveChangesAsync();
        }

        var file = await ExportAsync(source);
        await using var target = await EmptyDatabaseAsync(TimeProvider.System);

        // The images arrive in the same transaction as the texts that show them, and the texts are rendered before it ends.
        await ImportAsync(target, file, force: false);

        await using var restored = target.NewContext();
        var body = (await restored.Items.Include(i => i.CurrentRevision).SingleAsync(i => i.Key == "mod")).CurrentRevision!.BodyHtml;
        Assert.Contains($"srcset=\"/billeder/{hash}/4.png 4w\"", body, StringComparison.Ordinal);
        Assert.Contains("width=\"4\" height=\"3\"", body, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Tampered => new()
    {
        { "publishedRevision", "'mod' peger på revision 99, som ikke er i filen." },
        { "translatedFromRevision", "Oversættelsen »Mod« (version 1) henviser til en version, der ikke er i filen." },
        { "imageHash", "Et billede i sikkerhedskopien har en ugyldig adresse (»../../etc/passwd«)." },
        { "revisionTwice", "'mod' har flere versioner med nummer 1 i filen." },
        { "renditionFormat", $"Billedet »{new string('a', 32)}« i sikkerhedskopien har en størrelse, der ikke er et webp-billede." },
    };

    [Theory, MemberData(nameof(Tampered))]
    public async Task AFileThatPointsAtWhatItDoesNotHoldOrHoldsWhatIsNotAPictureIsRefusedAndNothingIsImported(string tampering, string message)
    {
        await using var source = await TestDatabase.CreateAsync();
        var file = JsonNode.Parse(await ExportAsync(source))!.AsObject();
        var mod = file["items"]!.AsArray().Single(i => (string)i!["key"]! == "mod")!.AsObject();
        switch (tampering)
        {
            case "publishedRevision":
                mod["publishedRevision"] = 99;
                break;
            case "translatedFromRevision":
                mod["revisions"]![0]!["translatedFromRevision"] = 99;
                break;
            case "revisionTwice":
                mod["revisions"]!.AsArray().Add(mod["revisions"]![0]!.DeepClone());
                break;
            case "imageHash":
                file["images"] = new JsonArray(Image("../../etc/passwd", "png", PngSignature));
                break;
            default:
                // PNG bytes under the WebP format: one of the three formats, but not what the bytes are.
                file["images"] = new JsonArray(Image(new string('a', 32), "webp", PngSignature));
                break;
        }

        await using var target = await EmptyDatabaseAsync(TimeProvider.System);

        var error = await Assert.ThrowsAsync<ContentBackupException>(() => ImportAsync(target, Bytes(file), force: false));

        Assert.Equal(message, error.Message);
        await using var db = target.NewContext();
        Assert.False(await db.Items.AnyAsync());
        Assert.False(await db.Images.AnyAsync());
    }

    [Fact]
    public async Task AFileOfFormatOneImportsAKindsMissingFieldsAsEmptyAndGivesNoKindAPartItDoesNotHave()
    {
        await using var source = await TestDatabase.CreateAsync();
        var courseKey = await AddCourseAsync(source);
        var file = JsonNode.Parse(await ExportAsync(source))!.AsObject();
        file["formatVersion"] = 1;
        foreach (var item in file["items"]!.AsArray().Select(i => i!.AsObject()))
        {
            foreach (var revision in item["revisions"]!.AsArray().Select(r => r!.AsObject()))
            {
                // Format 1 wrote a kind's fields flat, and left out the ones that were empty: a course
                // without sign-up and bearings, "mod" without points and questions.
                if (revision["course"] is JsonObject fields)
                {
                    revision["audience"] = fields["audience"]!.DeepClone();
                    revision["forvaltning"] = fields["forvaltning"]!.DeepClone();
                    revision["lengthDays"] = fields["lengthDays"]!.DeepClone();
                }

                if (revision["bearing"] is JsonObject bearing && (string)item["key"]! != "mod")
                {
                    revision["pointsMarkdown"] = bearing["pointsMarkdown"]!.DeepClone();
                    revision["dialogQuestionsMarkdown"] = bearing["dialogQuestionsMarkdown"]!.DeepClone();
                }

                revision.Remove("course");
                revision.Remove("bearing");
            }
        }

        await using var target = await EmptyDatabaseAsync(TimeProvider.System);
        await ImportAsync(target, Bytes(file), force: false);

        await using var db = target.NewContext();
        var items = await db.Items.Include(i => i.Revisions).ToListAsync();
        var mod = items.Single(i => i.Key == "mod").Revisions.Single();
        Assert.Equal(("", ""), (mod.Bearing!.PointsMarkdown, mod.Bearing.DialogQuestionsMarkdown));
        var course = items.Single(i => i.Key == courseKey).Revisions.Single().Course!;
        Assert.Equal((0, ""), (course.BearingKeys.Count, course.SignUp));
        Assert.Equal(Medarbejdergrundlag.Content.Courses.Audience.Ledere, course.Audience);
        // A charter section, a leg, a page: no bearing's fields were in the file, and none are made up.
        var others = items.Where(i => i.Kind is not (ContentKind.Bearing or ContentKind.Course)).SelectMany(i => i.Revisions).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, r => Assert.Null(r.Bearing));
    }

    /// <summary>What a PNG file starts with: enough for the import's check of an image's type.</summary>
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static JsonObject Image(string hash, string format, byte[] bytes) => new()
    {
        ["hash"] = hash, ["altDa"] = "", ["altEn"] = "", ["isDecorative"] = true, ["uploadedById"] = "persona:hr", ["uploadedByName"] = "Hanne",
        ["uploadedAt"] = "2026-11-01T10:00:00Z", ["sourceFormat"] = format, ["originalBytes"] = bytes.Length, ["width"] = 4, ["height"] = 3,
        ["renditions"] = new JsonArray(new JsonObject { ["width"] = 4, ["height"] = 3, ["format"] = format, ["bytes"] = Convert.ToBase64String(bytes) }),
    };

    private static async Task<string> AddCourseAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var course = await scope.ServiceProvider.GetRequiredService<ContentEditor>().CreateAsync(ContentKind.Course,
            new RevisionInput("Mod i praksis", null, "Kort om forløbet.", "Om forløbet.") { Course = new("Ledere", "Tværgående", "1,5", "mod", "phoenix@odense.dk") }, "Hanne");
        Assert.True(course.Succeeded, string.Join("; ", course.Errors.Values));
        return course.Item!.Key;
    }

    private static async Task<TestDatabase> EmptyDatabaseAsync(TimeProvider clock)
    {
        var database = await TestDatabase.CreateAsync(initialize: false, services: s => s.AddSingleton(clock));
        await database.Services.MigrateContentStoreAsync();
        return database;
    }

    private static byte[] Bytes(JsonObject file) => System.Text.Encoding.UTF8.GetBytes(file.ToJsonString());

    private static async Task<byte[]> ExportAsync(TestDatabase database, bool withConfirmations = false)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(stream, withConfirmations);
        return stream.ToArray();
    }

    private static async Task<int> ImportAsync(TestDatabase database, byte[] file, bool force)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream(file);
        return await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(stream, force);
    }

    /// <summary>Everything in the file but the moment it was made.</summary>
    private static string Content(byte[] file)
    {
        var node = JsonNode.Parse(file)!.AsObject();
        node.Remove("exportedAt");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
