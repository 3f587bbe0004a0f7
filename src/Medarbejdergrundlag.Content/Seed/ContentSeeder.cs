using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Seed;

/// <summary>
/// Puts the charter and the Phønix text into an empty store. Items are matched on their key:
/// one that exists is left alone, however an editor has changed or archived it, so a restart
/// never duplicates or overwrites content.
/// </summary>
public sealed class ContentSeeder(ContentDbContext db, ContentEditor editor, RevisionRenderer renderer, TimeProvider clock, ILogger<ContentSeeder> logger)
{
    public const string SeedAuthor = "Oprindeligt indhold";

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var existing = await db.Items.Select(i => i.Key).ToListAsync(cancellationToken);
        var missing = SeedDocument.LoadAll().Where(d => !existing.Contains(d.Key)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = new List<ContentItem>();
        foreach (var doc in missing)
        {
            var revision = new ContentRevision
            {
                Number = 1,
                Title = doc.Title,
                Slug = doc.Slug,
                LeadMarkdown = doc.Lead,
                BodyMarkdown = doc.Body,
                Bearing = ContentKinds.Of(doc.Kind).Has(ContentPart.Bearing)
                    ? new BearingDetails { PointsMarkdown = string.Join('\n', doc.Points), DialogQuestionsMarkdown = string.Join('\n', doc.Questions) }
                    : null,
                CreatedAt = now,
                CreatedBy = SeedAuthor,
                ChangeNote = "Indlæst fra medarbejdergrundlagets og Phønix' oprindelige tekst",
            };
            renderer.Render(revision);
            var item = new ContentItem
            {
                Kind = doc.Kind,
                Key = doc.Key,
                SortOrder = doc.Order,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedBy = SeedAuthor,
                Version = 1,
            };
            item.Revisions.Add(revision);
            items.Add(item);
        }

        db.Items.AddRange(items);
        await db.SaveChangesAsync(cancellationToken);

        // The item -> revision pointers need the revisions' ids, hence the second save. Publishing
        // takes the one publish path, as every publish does.
        foreach (var item in items)
        {
            item.CurrentRevision = item.Revisions[0];
            var published = await editor.PublishInBatchAsync(new PublishRequest(item, item.Revisions[0], SeedAuthor, Material: false, PublishSource.Seed), "Indlæst ved første start.");
            if (!published.Succeeded)
            {
                logger.LogWarning("Seeded item {Key} was not published: {Reasons}", item.Key, string.Join(" ", published.Errors.Values));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} content items: {Keys}", items.Count, string.Join(", ", items.Select(i => i.Key)));
        return items.Count;
    }
}
