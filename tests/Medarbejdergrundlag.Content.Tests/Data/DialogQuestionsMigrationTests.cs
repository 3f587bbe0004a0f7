using Medarbejdergrundlag.Content.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Medarbejdergrundlag.Content.Tests.Data;

public sealed class DialogQuestionsMigrationTests
{
    [Fact]
    public async Task ADatabaseWithContentFromBeforeTheQuestionsUpgradesAndKeepsItsRows()
    {
        // A named in-memory database lives as long as one connection to it is open.
        var connectionString = $"Data Source=mg-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        await using var keeper = new SqliteConnection(connectionString);
        await keeper.OpenAsync();
        await using var db = TestDatabase.StandaloneContext(ContentDatabase.Sqlite, connectionString);
        await db.GetService<IMigrator>().MigrateAsync("20261122100000_InitialContent");
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "ContentItems" ("Id", "Kind", "Key", "SortOrder", "IsArchived", "Version", "CreatedAt", "UpdatedAt", "UpdatedBy")
            VALUES (1, 'Bearing', 'mod', 1, 0, 1, '2026-11-01 00:00:00', '2026-11-01 00:00:00', 'x');
            INSERT INTO "ContentRevisions" ("Id", "ContentItemId", "Number", "Title", "Slug", "LeadMarkdown", "LeadHtml", "BodyMarkdown", "BodyHtml", "PointsMarkdown", "PointsHtml", "PlainText", "CreatedAt", "CreatedBy")
            VALUES (1, 1, 1, 'Mod', 'mod', '', '', 'Tekst', '<p>Tekst</p>', '', '', 'Tekst', '2026-11-01 00:00:00', 'x');
            """);

        await db.Database.MigrateAsync();

        var revision = await db.Revisions.AsNoTracking().SingleAsync();
        Assert.Equal("Mod", revision.Title);
        Assert.Equal("", revision.DialogQuestionsMarkdown);
        Assert.Equal("", revision.DialogQuestionsHtml);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task SeededBearingsCarrySuggestedQuestionsRenderedAsListItems()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var bearings = await db.Items.Include(i => i.PublishedRevision)
            .Where(i => i.Kind == Content.Model.ContentKind.Bearing).ToListAsync();

        Assert.Equal(4, bearings.Count);
        Assert.All(bearings, b =>
        {
            var revision = b.PublishedRevision!;
            Assert.InRange(revision.DialogQuestions.Count, 2, 5);
            Assert.All(revision.DialogQuestions, q => Assert.EndsWith("?", q));
            Assert.Equal(revision.DialogQuestions.Count, System.Text.RegularExpressions.Regex.Count(revision.DialogQuestionsHtml, "<li>"));
        });
        Assert.Empty(await db.Items.Include(i => i.PublishedRevision)
            .Where(i => i.Kind != Content.Model.ContentKind.Bearing && i.PublishedRevision!.DialogQuestionsMarkdown != "").ToListAsync());
    }
}
