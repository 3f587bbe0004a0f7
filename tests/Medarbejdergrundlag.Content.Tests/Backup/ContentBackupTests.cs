using System.Text.Json;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Model;
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
        Assert.Equal(11, await ImportAsync(target, exported, force: false));

        var original = Items(exported);
        var restored = Items(await ExportAsync(target));
        Assert.Contains("Mod – kladde", original);
        Assert.Contains("\"isArchived\": true", original);
        Assert.Equal(original, restored);
        await using var db = target.NewContext();
        var mod = await db.Items.Include(i => i.PublishedRevision).Include(i => i.CurrentRevision).SingleAsync(i => i.Key == "mod");
        Assert.Equal("Mod", mod.PublishedRevision!.Title);
        Assert.Equal("Mod – kladde", mod.CurrentRevision!.Title);
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

    private static async Task<TestDatabase> EmptyDatabaseAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialize: false);
        await database.Services.MigrateContentStoreAsync();
        return database;
    }

    /// <summary>A draft beside a published revision, and an archived item: more than the seed alone.</summary>
    private static async Task MakeHistoryAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var mod = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
        var draft = new ContentRevision
        {
            Number = 2,
            Title = "Mod – kladde",
            Slug = "mod",
            BodyMarkdown = "Ny *tekst*",
            BodyHtml = "<p>Ny <em>tekst</em></p>",
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "persona:hr-redaktoer",
            ChangeNote = "Første udkast",
        };
        mod.Revisions.Add(draft);
        await db.SaveChangesAsync();
        mod.CurrentRevisionId = draft.Id;
        (await db.Items.SingleAsync(i => i.Key == "phoenix")).IsArchived = true;
        await db.SaveChangesAsync();
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

    /// <summary>The file's content, without the moment it was made.</summary>
    private static string Items(byte[] file)
    {
        using var document = JsonDocument.Parse(file);
        return JsonSerializer.Serialize(document.RootElement.GetProperty("items"), new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
