using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// Publishes a new title the way the admin's publish does (new revision, pointer moved, version
/// stamp bumped, one transaction), straight on the database: the admin pages live elsewhere.
/// </summary>
public static class TestPublishing
{
    public static async Task PublishTitleAsync(PortalDatabase database, string key, string title)
    {
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var item = await db.Items.Include(i => i.Revisions).SingleAsync(i => i.Key == key);
        var published = item.Revisions.Single(r => r.Id == item.PublishedRevisionId);
        var revision = new ContentRevision
        {
            Number = item.Revisions.Max(r => r.Number) + 1,
            Title = title,
            Slug = published.Slug,
            LeadMarkdown = published.LeadMarkdown,
            LeadHtml = published.LeadHtml,
            BodyMarkdown = published.BodyMarkdown,
            BodyHtml = published.BodyHtml,
            Bearing = published.Bearing,
            Course = published.Course,
            PlainText = published.PlainText,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "persona:hr-redaktoer",
        };
        item.Revisions.Add(revision);
        await db.SaveChangesAsync();
        item.CurrentRevisionId = item.PublishedRevisionId = revision.Id;
        item.Version++;
        await db.SaveChangesAsync();
        await ContentVersion.BumpAsync(db);
        await transaction.CommitAsync();
    }
}
