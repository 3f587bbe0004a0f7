using Medarbejdergrundlag.Content.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Medarbejdergrundlag.Content.Tests.Data;

public sealed class DialogQuestionsTests
{
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
            var revision = b.PublishedRevision!.Bearing!;
            Assert.InRange(revision.DialogQuestions.Count, 2, 5);
            Assert.All(revision.DialogQuestions, q => Assert.EndsWith("?", q));
            Assert.Equal(revision.DialogQuestions.Count, System.Text.RegularExpressions.Regex.Count(revision.DialogQuestionsHtml, "<li>"));
        });
        Assert.Empty(await db.Items.Include(i => i.PublishedRevision)
            .Where(i => i.Kind != Content.Model.ContentKind.Bearing && i.PublishedRevision!.Bearing != null).ToListAsync());
    }
}
