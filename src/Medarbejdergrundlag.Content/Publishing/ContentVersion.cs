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
    /// Moves the stamp on. Call it inside the publish's transaction, so the stamp moves exactly when
    /// the published revision does; after the commit, also call <see cref="PublishedContentStore.Invalidate"/>
    /// so the publishing instance shows the change at once.
    /// </summary>
    public static async Task BumpAsync(ContentDbContext db, CancellationToken cancellationToken = default)
    {
        var updated = await db.ContentVersion
            .Where(s => s.Id == ContentVersionStamp.SingletonId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Value, s => s.Value + 1), cancellationToken);
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
