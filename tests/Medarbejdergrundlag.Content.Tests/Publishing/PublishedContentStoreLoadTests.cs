using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>What the store reads into a snapshot: a published course's dates, and the English pages' translations.</summary>
public sealed class PublishedContentStoreLoadTests
{
    [Fact]
    public async Task APublishedCourseShowsItsDatesButNotARemovedOneNorFindsItByItsPlace()
    {
        await using var database = await TestDatabase.CreateAsync(services: TestDatabase.WithoutApproval);
        var editor = database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();
        var created = await editor.CreateAsync(ContentKind.Course,
            new RevisionInput("Hold på tværs", null, "Kort om forløbet.", "Om forløbet.") { Course = new("Ledere", "Tværgående", "2", "mod", "phoenix@odense.dk") }, "Hanne");
        Assert.True(created.Succeeded);
        Assert.True((await editor.PublishAsync(created.Item!.Id, created.Item.Version, "Hanne")).Succeeded);
        var startsAt = DateTime.UtcNow.AddDays(30);
        var kept = new CourseDate { ContentItemId = created.Item.Id, StartsAt = startsAt, EndsAt = startsAt.AddHours(6), Location = "Rådhuset" };
        var removed = new CourseDate { ContentItemId = created.Item.Id, StartsAt = startsAt.AddDays(1), EndsAt = startsAt.AddDays(1).AddHours(6), Location = "Fyrtårnet", IsRemoved = true };
        await using (var db = database.NewContext())
        {
            db.CourseDates.AddRange(kept, removed);
            await db.SaveChangesAsync();
        }

        var course = (await database.Services.GetRequiredService<PublishedContentStore>().GetAsync(PortalCulture.DanishCode))
            .Courses.Single(c => c.Id == created.Item.Id).Course!;

        Assert.Equal([kept.Id], course.Dates.Select(d => d.Id));
        Assert.Contains("raadhuset", course.SearchText, StringComparison.Ordinal);
        Assert.DoesNotContain("fyrtaarnet", course.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEnglishPagesShowAPublishedTranslationAndTheDanishPagesTheDanishText()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
            var translation = new ContentRevision
            {
                Number = item.Revisions.Count + 1,
                Title = "Courage",
                Slug = "mod",
                Language = PortalCulture.EnglishCode,
                TranslatedFromRevisionId = item.PublishedRevisionId,
                CreatedAt = DateTime.UtcNow,
                CreatedBy = "test",
            };
            item.Revisions.Add(translation);
            await db.SaveChangesAsync();
            item.PublishedEnglishRevisionId = translation.Id;
            await db.SaveChangesAsync();
        }

        var store = database.Services.GetRequiredService<PublishedContentStore>();

        Assert.Equal("Courage", (await store.GetAsync(PortalCulture.EnglishCode)).FindBearing("mod")!.Title);
        Assert.Equal("Mod", (await store.GetAsync(PortalCulture.DanishCode)).FindBearing("mod")!.Title);
        Assert.Equal("Udvikling", (await store.GetAsync(PortalCulture.EnglishCode)).FindBearing("udvikling")!.Title);
    }

    /// <summary>
    /// A snapshot of exactly <see cref="RebuildMemory.LargeText"/> characters counts as large, whichever of a
    /// revision's texts (Markdown, HTML, plain text) holds them: every one is kept in memory until the entities go.
    /// </summary>
    [Theory]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("plain")]
    public async Task ASnapshotOfExactlyTheLargeTextLengthEndsWithACompactingCollection(string part)
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        await store.GetAsync();
        await using (var db = database.NewContext())
        {
            var others = (await db.Items.AsNoTracking()
                    .Where(i => !i.IsArchived && i.PublishedRevisionId != null && i.Key != "mod")
                    .Select(i => i.PublishedRevision!)
                    .ToListAsync())
                .Sum(r => (long)r.BodyMarkdown.Length + r.BodyHtml.Length + r.PlainText.Length);
            var text = new string('m', (int)(RebuildMemory.LargeText - others));
            var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
            var revision = new ContentRevision
            {
                Number = item.Revisions.Count + 1,
                Title = "Mod",
                Slug = "mod",
                BodyMarkdown = part == "markdown" ? text : "",
                BodyHtml = part == "html" ? text : "",
                PlainText = part == "plain" ? text : "",
                CreatedAt = DateTime.UtcNow,
                CreatedBy = "test",
            };
            item.Revisions.Add(revision);
            await db.SaveChangesAsync();
            item.CurrentRevisionId = item.PublishedRevisionId = revision.Id;
            await db.SaveChangesAsync();
        }

        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;

        await store.GetAsync();

        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before, "no full blocking collection after the reload");
        Assert.True(after.Compacted);
    }
}
