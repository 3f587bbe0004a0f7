using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Seed;

public sealed class SeedingTests
{
    [Theory, Providers]
    public async Task AnEmptyDatabaseGetsTheCharterTheBearingsTheLegsAndPhoenixAllPublished(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var items = await db.Items.Include(i => i.PublishedRevision).OrderBy(i => i.Kind).ThenBy(i => i.SortOrder).ToListAsync();

        Assert.Equal(4, items.Count(i => i.Kind == ContentKind.CharterSection));
        Assert.Equal(["Mod", "Udvikling", "Handlekraft", "Fællesskab"], items.Where(i => i.Kind == ContentKind.Bearing).Select(i => i.PublishedRevision!.Title));
        Assert.Equal(["Social kapital", "Samskabelse"], items.Where(i => i.Kind == ContentKind.Leg).Select(i => i.PublishedRevision!.Title));
        Assert.Single(items, i => i.Kind == ContentKind.PhoenixPage);
        Assert.All(items, i =>
        {
            Assert.NotNull(i.PublishedRevisionId);
            Assert.Equal(i.PublishedRevisionId, i.CurrentRevisionId);
            Assert.False(i.HasUnpublishedChanges);
            Assert.Equal(ContentSeeder.SeedAuthor, i.PublishedRevision!.CreatedBy);
        });
    }

    [Theory, Providers]
    public async Task SeedingRendersMarkdownOnceAndStoresTheHtml(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var udvikling = await db.Revisions.SingleAsync(r => r.Slug == "udvikling");

        Assert.Equal("Lyst til **udvikling**", udvikling.LeadMarkdown);
        Assert.Equal("Lyst til <strong>udvikling</strong>", udvikling.LeadHtml);
        Assert.Equal(2, udvikling.Bearing!.Points.Count);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(udvikling.Bearing.PointsHtml, "<li>"));
        Assert.StartsWith("<p>Vi udvikler os både fagligt og personligt.", udvikling.BodyHtml);
        Assert.Contains("Lyst til udvikling", udvikling.PlainText);
    }

    [Theory, Providers]
    public async Task SeedingAgainAddsNothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        int items, revisions;
        await using (var db = database.NewContext())
        {
            items = await db.Items.CountAsync();
            revisions = await db.Revisions.CountAsync();
        }

        await database.Services.InitializeContentStoreAsync();
        await database.Services.InitializeContentStoreAsync();

        await using var after = database.NewContext();
        Assert.Equal(12, items);
        Assert.Equal(items, await after.Items.CountAsync());
        Assert.Equal(revisions, await after.Revisions.CountAsync());
    }

    [Theory, Providers]
    public async Task SeedingNeverOverwritesOrRevivesWhatAnEditorChanged(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var mod = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == "mod");
            var edited = new ContentRevision
            {
                Number = 2,
                Title = "Mod (redigeret)",
                Slug = "mod",
                CreatedAt = DateTime.UtcNow,
                CreatedBy = "Hanne",
            };
            mod.Revisions.Add(edited);
            await db.SaveChangesAsync();
            mod.PublishedRevisionId = mod.CurrentRevisionId = edited.Id;
            (await db.Items.SingleAsync(i => i.Key == "phoenix")).IsArchived = true;
            await db.SaveChangesAsync();
        }

        await database.Services.InitializeContentStoreAsync();

        await using var after = database.NewContext();
        var item = await after.Items.Include(i => i.PublishedRevision).SingleAsync(i => i.Key == "mod");
        Assert.Equal("Mod (redigeret)", item.PublishedRevision!.Title);
        Assert.Equal(2, await after.Revisions.CountAsync(r => r.ContentItemId == item.Id));
        Assert.True((await after.Items.SingleAsync(i => i.Key == "phoenix")).IsArchived);
        Assert.Equal(1, await after.Items.CountAsync(i => i.Key == "phoenix"));
    }

    [Theory, Providers]
    public async Task OnlyMissingItemsAreSeeded(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialize: false);
        await using (var db = database.NewContext())
        {
            await db.Database.MigrateAsync();
        }

        var seeder = database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentSeeder>();
        Assert.Equal(12, await seeder.SeedAsync());
        Assert.Equal(0, await seeder.SeedAsync());
    }

    [Fact]
    public void SeedFilesCarryEveryItemOnceWithUniqueKeysAndSlugsPerKind()
    {
        var documents = SeedDocument.LoadAll();

        Assert.Equal(12, documents.Count);
        Assert.Equal(documents.Count, documents.Select(d => d.Key).Distinct().Count());
        Assert.All(documents.GroupBy(d => d.Kind), g => Assert.Equal(g.Count(), g.Select(d => d.Slug).Distinct().Count()));
        Assert.All(documents.Where(d => d.Kind == ContentKind.Bearing), d => Assert.Equal(2, d.Points.Count));
        Assert.All(documents, d => Assert.Equal(Medarbejdergrundlag.Content.Slugs.Slugifier.Slugify(d.Slug), d.Slug));
    }

    [Theory]
    [InlineData("no front matter", "does not start with front matter")]
    [InlineData("---\nkind: Bearing\n", "no end to its front matter")]
    [InlineData("---\nkind: Bearing\nkey: x\norder: 1\ntitle: X\n---\nbody", "lacks 'slug'")]
    [InlineData("---\njust text\n---\n", "has no name")]
    public void MalformedSeedFilesAreRejectedWithTheReason(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => SeedDocument.Parse("test.md", text));

        Assert.Contains(reason, error.Message);
    }
}
