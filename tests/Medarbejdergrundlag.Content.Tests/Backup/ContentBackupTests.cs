using System.Text.Json;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Backup;

public sealed class ContentBackupTests
{
    [Theory, Providers]
    public async Task ImportingAnExportIntoAnEmptyDatabaseReproducesItExactly(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await MakeHistoryAsync(source);
        var exported = await ExportAsync(source);

        await using var target = await EmptyDatabaseAsync(provider);
        Assert.Equal(13, await ImportAsync(target, exported, force: false));

        var original = Items(exported);
        var restored = Items(await ExportAsync(target));
        Assert.Contains("Mod – kladde", original);
        Assert.Contains("\"isArchived\": true", original);
        Assert.Contains("\"slug\": \"lyst-til-udvikling\"", original);
        Assert.Contains("\"itemKey\": \"udvikling\"", original);
        Assert.Contains("\"action\": \"Published\"", original);
        Assert.Contains("\"forvaltning\": \"Tvaergaaende\"", original);
        Assert.Contains("\"location\": \"Phønix, Odense\"", original);
        Assert.Contains("\"language\": \"en\"", original);
        Assert.Contains("\"translatedFromRevision\": 1", original);
        Assert.Contains("\"publishedEnglishRevision\": 2", original);
        Assert.Contains("\"action\": \"TranslationRestored\"", original);
        Assert.Contains("\"action\": \"TranslationUnpublished\"", original);
        Assert.Contains("\"changeNote\": \"Gendannet fra engelsk version 2\"", original);
        Assert.Contains("\"currentEnglishRevision\": 4", original);
        Assert.Equal(original, restored);
        await using var db = target.NewContext();
        var mod = await db.Items.Include(i => i.PublishedRevision).Include(i => i.CurrentRevision).SingleAsync(i => i.Key == "mod");
        Assert.Equal("Mod", mod.PublishedRevision!.Title);
        Assert.Equal("Mod – kladde", mod.CurrentRevision!.Title);
    }

    [Theory, Providers]
    public async Task AFileOfFormatOneWithAKindsFieldsFlatImportsWithNothingLost(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await MakeHistoryAsync(source);
        var exported = await ExportAsync(source);

        // Format 1, as the first version wrote it: a bearing's and a course's fields flat on the revision.
        var legacy = System.Text.Json.Nodes.JsonNode.Parse(exported)!.AsObject();
        legacy["formatVersion"] = 1;
        foreach (var revision in legacy["items"]!.AsArray().SelectMany(i => i!["revisions"]!.AsArray()).Select(r => r!.AsObject()))
        {
            foreach (var part in new[] { "bearing", "course" })
            {
                if (revision[part] is System.Text.Json.Nodes.JsonObject fields)
                {
                    foreach (var (name, value) in fields.ToList())
                    {
                        revision[name] = name == "bearingKeys" ? string.Join(',', value!.AsArray().Select(k => (string)k!)) : value?.DeepClone();
                    }
                }

                revision.Remove(part);
            }
        }

        var legacyFile = System.Text.Encoding.UTF8.GetBytes(legacy.ToJsonString());
        Assert.DoesNotContain("\"course\"", System.Text.Encoding.UTF8.GetString(legacyFile));
        Assert.Contains("\"signUp\"", System.Text.Encoding.UTF8.GetString(legacyFile));

        await using var target = await EmptyDatabaseAsync(provider);
        await ImportAsync(target, legacyFile, force: false);

        Assert.Equal(Items(exported), Items(await ExportAsync(target)));
    }

    [Theory, Providers]
    public async Task AnImportIntoADatabaseWithContentIsRefusedAndChangesNothing(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await MakeHistoryAsync(source);
        var exported = await ExportAsync(source);
        await using var target = await TestDatabase.CreateAsync(provider);
        var before = Items(await ExportAsync(target));

        var error = await Assert.ThrowsAsync<ContentBackupException>(() => ImportAsync(target, exported, force: false));

        Assert.Contains("allerede indhold", error.Message);
        Assert.Equal(before, Items(await ExportAsync(target)));
    }

    [Theory, Providers]
    public async Task AForcedImportReplacesWhatWasThere(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await MakeHistoryAsync(source);
        var exported = await ExportAsync(source);
        await using var target = await TestDatabase.CreateAsync(provider);

        await ImportAsync(target, exported, force: true);

        Assert.Equal(Items(exported), Items(await ExportAsync(target)));
    }

    [Fact]
    public async Task AFileThatIsNotABackupIsRefusedInDanish()
    {
        await using var target = await EmptyDatabaseAsync("Sqlite");

        var error = await Assert.ThrowsAsync<ContentBackupException>(() => ImportAsync(target, "{\"format\":\"noget andet\"}"u8.ToArray(), force: false));

        Assert.Contains("ikke en sikkerhedskopi", error.Message);
        await using var db = target.NewContext();
        Assert.False(await db.Items.AnyAsync());
    }

    [Theory]
    [InlineData("{\"format\": \"medarbejdergrundlag-backup\", \"items\": [", "Filen er ikke en sikkerhedskopi af medarbejdergrundlaget (ugyldig JSON).")]
    [InlineData("null", "Filen er ikke en sikkerhedskopi af medarbejdergrundlaget.")]
    [InlineData("{\"format\": \"medarbejdergrundlag-backup\", \"formatVersion\": 2}", "Filen er ikke en sikkerhedskopi af medarbejdergrundlaget.")]
    [InlineData("{\"format\": \"medarbejdergrundlag-backup\", \"formatVersion\": 0, \"items\": []}", "Sikkerhedskopien har formatversion 0; denne version kan kun indlæse 1 til 2.")]
    [InlineData("{\"format\": \"medarbejdergrundlag-backup\", \"formatVersion\": 3, \"items\": []}", "Sikkerhedskopien har formatversion 3; denne version kan kun indlæse 1 til 2.")]
    public async Task AFileThisVersionCannotReadIsRefusedSayingWhyAndChangesNothing(string json, string message)
    {
        await using var target = await TestDatabase.CreateAsync();
        var before = Items(await ExportAsync(target));

        var error = await Assert.ThrowsAsync<ContentBackupException>(() => ImportAsync(target, System.Text.Encoding.UTF8.GetBytes(json), force: true));

        Assert.Equal(message, error.Message);
        Assert.Equal(before, Items(await ExportAsync(target)));
    }

    [Theory]
    [InlineData("redirects", "{\"kind\": \"Bearing\", \"slug\": \"gammel\", \"itemKey\": \"findes-ikke\", \"createdAt\": \"2026-01-01T00:00:00Z\"}",
        "Sikkerhedskopien henviser til »findes-ikke«, som ikke er i filen.")]
    [InlineData("audit", "{\"at\": \"2026-01-01T00:00:00Z\", \"user\": \"Hanne\", \"action\": \"Published\", \"itemKey\": \"findes-ikke\", \"itemTitle\": \"X\", \"details\": \"\"}",
        "Sikkerhedskopien henviser til »findes-ikke«, som ikke er i filen.")]
    [InlineData("confirmations", "{\"subjectId\": \"s1\", \"revisions\": [\"mod:1\", \"mod:99\"], \"confirmedAt\": \"2026-01-01T00:00:00Z\", \"forvaltning\": null}",
        "En bekræftelse henviser til »mod:99«, som ikke er i filen.")]
    public async Task AFileNamingAnItemOrRevisionItDoesNotHaveIsRefusedAndNothingIsImported(string list, string entry, string message)
    {
        await using var source = await TestDatabase.CreateAsync();
        var file = System.Text.Json.Nodes.JsonNode.Parse(await ExportAsync(source))!.AsObject();
        file[list] = new System.Text.Json.Nodes.JsonArray(System.Text.Json.Nodes.JsonNode.Parse(entry));
        await using var target = await EmptyDatabaseAsync(ContentDatabase.Sqlite);

        var error = await Assert.ThrowsAsync<ContentBackupException>(() => ImportAsync(target, System.Text.Encoding.UTF8.GetBytes(file.ToJsonString()), force: false));

        Assert.Equal(message, error.Message);
        await using var db = target.NewContext();
        Assert.False(await db.Items.AnyAsync());
        Assert.False(await db.Revisions.AnyAsync());
    }

    [Fact]
    public async Task ConfirmationsTravelOnlyWhenAskedForByItemKeyAndRevisionNumber()
    {
        await using var source = await TestDatabase.CreateAsync();
        await using (var db = source.NewContext())
        {
            var revisions = await db.Items.Where(i => i.Key == "mod" || i.Key == "faellesskab")
                .Select(i => new { i.Key, i.PublishedRevisionId }).ToDictionaryAsync(i => i.Key, i => i.PublishedRevisionId!.Value);
            db.Confirmations.Add(new Confirmation
            {
                SubjectId = "s1",
                Version = $"{revisions["mod"]},{revisions["faellesskab"]},999999",
                ConfirmedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
                Forvaltning = "Tvaergaaende",
            });
            await db.SaveChangesAsync();
        }

        await using var scope = source.Services.CreateAsyncScope();
        var backup = scope.ServiceProvider.GetRequiredService<ContentBackup>();
        Assert.Null((await backup.ReadAsync()).Confirmations);
        // A revision the database no longer has is left out; the rest by name, in order.
        var confirmation = Assert.Single((await backup.ReadAsync(withConfirmations: true)).Confirmations!);
        Assert.Equal(("s1", "Tvaergaaende"), (confirmation.SubjectId, confirmation.Forvaltning));
        Assert.Equal(["faellesskab:1", "mod:1"], confirmation.Revisions);

        using var stream = new MemoryStream();
        await backup.ExportAsync(stream, withConfirmations: true);
        await using var target = await EmptyDatabaseAsync(ContentDatabase.Sqlite);
        await ImportAsync(target, stream.ToArray(), force: false);
        await using var restored = target.NewContext();
        var ids = await restored.Items.Where(i => i.Key == "mod" || i.Key == "faellesskab").Select(i => i.PublishedRevisionId!.Value).ToListAsync();
        var version = (await restored.Confirmations.SingleAsync()).Version;
        Assert.Equal(string.Join(',', ids.Order()), version);
    }

    [Theory, Providers]
    public async Task AnImportNeverTrustsTheFilesHtmlAndRendersEveryRevisionFromItsMarkdown(string provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider);
        await MakeHistoryAsync(source);
        var exported = System.Text.Encoding.UTF8.GetString(await ExportAsync(source));

        // A tampered file: script in every HTML field, and plain text that is not the Markdown's.
        var tampered = System.Text.RegularExpressions.Regex.Replace(
            exported,
            "\"(leadHtml|bodyHtml|pointsHtml|dialogQuestionsHtml|plainText)\": \"(?:[^\"\\\\]|\\\\.)*\"",
            m => $"\"{m.Groups[1].Value}\": \"<script>alert(1)</script><img src=x onerror=alert(2)>\"");
        Assert.Contains("<script>", tampered);

        await using var target = await EmptyDatabaseAsync(provider);
        await ImportAsync(target, System.Text.Encoding.UTF8.GetBytes(tampered), force: false);

        await using var db = target.NewContext();
        var revisions = await db.Revisions.ToListAsync();
        Assert.NotEmpty(revisions);
        Assert.All(revisions, r => Assert.DoesNotContain("alert", r.LeadHtml + r.BodyHtml + r.Bearing?.PointsHtml + r.Bearing?.DialogQuestionsHtml + r.PlainText));
        var draft = revisions.Single(r => r.Title == "Mod – kladde");
        Assert.Equal("<p>Ny <em>tekst</em></p>\n", draft.BodyHtml);
        Assert.Equal("Ny tekst", draft.PlainText);
    }

    private static async Task<TestDatabase> EmptyDatabaseAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialize: false);
        await database.Services.MigrateContentStoreAsync();
        return database;
    }

    /// <summary>
    /// A draft beside a published revision, an archived item, a renamed bearing (an old address)
    /// and the audit entries the editor wrote: more than the seed alone.
    /// </summary>
    private static async Task MakeHistoryAsync(TestDatabase database)
    {
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var udvikling = (await editor.FindAsync(await IdOfAsync(database, "udvikling")))!;
            var saved = await editor.SaveDraftAsync(udvikling.Id, udvikling.Version,
                RevisionInput.From(udvikling.CurrentRevision!) with { Slug = "lyst-til-udvikling", ChangeNote = "Ny adresse" }, "Hanne");
            Assert.True(saved.Succeeded);
            Assert.True((await editor.PublishAsync(udvikling.Id, saved.Item!.Version, "Hanne")).Succeeded);

            var course = await editor.CreateAsync(ContentKind.Course,
                new RevisionInput("Mod i praksis", null, "Kort om forløbet.", "Om forløbet.") { Course = new("Ledere", "Tværgående", "1,5", "mod", "phoenix@odense.dk") }, "Hanne");
            Assert.True(course.Succeeded, string.Join("; ", course.Errors.Values));
            var date = await scope.ServiceProvider.GetRequiredService<CourseDateEditor>().AddDateAsync(course.Item!.Id,
                new CourseDateInput("24-03-2027 09:00", "24-03-2027 15:00", "Phønix, Odense", "20", "20", "Open"), "Hanne");
            Assert.True(date.Succeeded, string.Join("; ", date.Errors.Values));

            // An English translation, published, then outdated by a newer Danish text.
            var translations = scope.ServiceProvider.GetRequiredService<TranslationEditor>();
            var faellesskab = (await editor.FindAsync(await IdOfAsync(database, "faellesskab")))!;
            var translated = await translations.SaveAsync(faellesskab.Id, faellesskab.Version,
                new RevisionInput("Community", null, "A desire for **community**", "We work together.") { Bearing = new("We help each other", "Who did you help today?") },
                "Hanne", publish: true);
            Assert.True(translated.Succeeded, string.Join("; ", translated.Errors.Values));
            var danish = await editor.SaveAndPublishAsync(faellesskab.Id, translated.Item!.Version,
                RevisionInput.From(translated.Item.CurrentRevision!) with { Body = "Ny dansk tekst." }, "Hanne");
            Assert.True(danish.Succeeded, string.Join("; ", danish.Errors.Values));

            // A translation with a history: an English revision restored (keeping its source), then
            // taken off the English pages, the Danish text still published.
            var handlekraft = (await editor.FindAsync(await IdOfAsync(database, "handlekraft")))!;
            var firstEnglish = await translations.SaveAsync(handlekraft.Id, handlekraft.Version,
                new RevisionInput("Drive", null, "", "We act.") { Bearing = new("", "") }, "Hanne", publish: true);
            var secondEnglish = await translations.SaveAsync(handlekraft.Id, firstEnglish.Item!.Version,
                new RevisionInput("Drive", null, "", "We act now.") { Bearing = new("", "") }, "Hanne", publish: true);
            var restoredEnglish = await translations.RestoreAsync(handlekraft.Id, firstEnglish.Revision!.Number, secondEnglish.Item!.Version, "Hanne");
            Assert.True(restoredEnglish.Succeeded, string.Join("; ", restoredEnglish.Errors.Values));
            var unpublished = await translations.UnpublishAsync(handlekraft.Id, restoredEnglish.Item!.Version, "Hanne");
            Assert.True(unpublished.Succeeded, string.Join("; ", unpublished.Errors.Values));
        }

        await using var db = database.NewContext();
        var mod = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
        var draft = new ContentRevision
        {
            Number = 2,
            Title = "Mod – kladde",
            Slug = "mod",
            BodyMarkdown = "Ny *tekst*",
            Bearing = new BearingDetails(),
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "persona:hr-redaktoer",
            ChangeNote = "Første udkast",
        };
        database.Services.GetRequiredService<RevisionRenderer>().Render(draft);
        mod.Revisions.Add(draft);
        await db.SaveChangesAsync();
        mod.CurrentRevisionId = draft.Id;
        (await db.Items.SingleAsync(i => i.Key == "phoenix")).IsArchived = true;
        await db.SaveChangesAsync();
    }

    private static async Task<int> IdOfAsync(TestDatabase database, string key)
    {
        await using var db = database.NewContext();
        return await db.Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
    }

    private static async Task<byte[]> ExportAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(stream);
        return stream.ToArray();
    }

    private static async Task<int> ImportAsync(TestDatabase database, byte[] file, bool force)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream(file);
        return await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(stream, force);
    }

    /// <summary>The file's content (items, old addresses, audit log), without the moment it was made.</summary>
    private static string Items(byte[] file)
    {
        using var document = JsonDocument.Parse(file);
        var everything = document.RootElement.EnumerateObject()
            .Where(p => p.Name != "exportedAt")
            .ToDictionary(p => p.Name, p => p.Value);
        Assert.True(everything.ContainsKey("items") && everything.ContainsKey("redirects") && everything.ContainsKey("audit"));
        return JsonSerializer.Serialize(everything, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
