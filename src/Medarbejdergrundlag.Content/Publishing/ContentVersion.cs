using Medarbejdergrundlag.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// The content version stamp: one number in the database that grows with every publish. Each
/// instance's <see cref="PublishedContentStore"/> reads it at most once a second and reloads its
/// snapshot when it has moved, so a publish on one instance reaches every instance within about
/// a second, at the cost of one primary-key read per second per instance.
/// </summary>
public static class ContentVersion
{
    /// <summary>
    /// Moves the stamp on, atomically in the database, inside the caller's transaction. Only
    /// <see cref="PublishPipeline"/> calls it: saving a change the public site shows is enough.
    /// </summary>
    public static async Task BumpAsync(ContentDbContext db, CancellationToken cancellationToken = default) =>
        Check(await Row(db).ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, s => s.Value + 1), cancellationToken));

    /// <inheritdoc cref="BumpAsync"/>
    public static void Bump(ContentDbContext db) =>
        Check(Row(db).ExecuteUpdate(u => u.SetProperty(s => s.Value, s => s.Value + 1)));

    private static IQueryable<ContentVersionStamp> Row(ContentDbContext db) =>
        db.ContentVersion.Where(s => s.Id == ContentVersionStamp.SingletonId);

    private static void Check(int updated)
    {
        if (updated != 1)
        {
            throw new InvalidOperationException("The content version row is missing; the database lacks its migrations.");
        }
    }

    public static Task<long> ReadAsync(ContentDbContext db, CancellationToken cancellationToken = default) =>
        db.ContentVersion.AsNoTracking()
            .Where(s => s.Id == ContentVersionStamp.SingletonId)
            .Select(s => s.Value)
            .FirstOrDefaultAsync(cancellationToken);
}
