using System.Data.Common;
using System.Runtime.CompilerServices;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// The one publish pipeline. Whatever changes what the public site shows (a publish, an archive,
/// a new order, a course date, a redirect, an import, a restored backup, seeding) is saved through
/// the content context, and this interceptor sees it there:
/// <list type="number">
/// <item>it moves the content version stamp inside the same transaction as the change (its own
/// transaction when the caller has none), so other instances reload exactly when there is
/// something new (<see cref="ContentVersion"/>);</item>
/// <item>when that transaction commits, it drops this instance's snapshot, so the change shows at
/// the next request here.</item>
/// </list>
/// Callers only save; nobody can forget a step. The publishes committed with it then reach the
/// <see cref="IPublishedHook"/>s; a rollback forgets them.
/// </summary>
public sealed class PublishPipeline(IServiceProvider services) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    /// <summary>True when a save would change the public site.</summary>
    public static bool ChangesPublishedSite(DbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        return db.ChangeTracker.Entries().Any(entry => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity switch
        {
            // Revisions never change once written, and a new one is a draft until an item points at it.
            ContentItem when entry.State is EntityState.Modified => VisibleItemProperties.Any(p => entry.Property(p).IsModified),
            ContentItem or CourseDate or SlugRedirect => true,
            _ => false,
        });
    }

    private static readonly string[] VisibleItemProperties =
        [nameof(ContentItem.PublishedRevisionId), nameof(ContentItem.PublishedEnglishRevisionId), nameof(ContentItem.IsArchived), nameof(ContentItem.SortOrder), nameof(ContentItem.Key)];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ContentDbContext db && ChangesPublishedSite(db))
        {
            var pending = _pending.GetOrCreateValue(db);
            pending.Changed = true;
            if (db.Database.CurrentTransaction is null)
            {
                pending.Owned = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            await ContentVersion.BumpAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ContentDbContext db && ChangesPublishedSite(db))
        {
            var pending = _pending.GetOrCreateValue(db);
            pending.Changed = true;
            if (db.Database.CurrentTransaction is null)
            {
                pending.Owned = db.Database.BeginTransaction();
            }

            ContentVersion.Bump(db);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Owned(eventData.Context) is { } transaction)
        {
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Owned(eventData.Context) is { } transaction)
        {
            transaction.Commit();
            transaction.Dispose();
        }

        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Owned(eventData.Context) is { } transaction)
        {
            await transaction.DisposeAsync();
        }

        Forget(eventData.Context);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        Owned(eventData.Context)?.Dispose();
        Forget(eventData.Context);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (Committed(eventData.Context) is { Count: > 0 } published)
        {
            // Synchronous commits are not ours (every writer here commits asynchronously); the hooks still run, once.
            _ = Task.Run(() => RunHooksAsync(published, CancellationToken.None));
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Committed(eventData.Context) is { Count: > 0 } published)
        {
            await RunHooksAsync(published, cancellationToken);
        }
    }

    /// <summary>Drops the snapshot if the transaction changed the public site, and takes the publishes it committed.</summary>
    private List<PublishedEvent>? Committed(DbContext? context)
    {
        if (context is { } db && _pending.TryGetValue(db, out var pending) && pending.Changed)
        {
            pending.Changed = false;
            services.GetRequiredService<PublishedContentStore>().Invalidate();
        }

        if (context is not ContentDbContext content || content.PendingPublishes.Count == 0)
        {
            return null;
        }

        var published = content.PendingPublishes.Select(p => new PublishedEvent(p.Item.Id, p.Item.Kind, p.Revision.Id, p.Revision.Number,
            p.Revision.Title, p.Revision.IsMaterialChange, p.By, p.Source, p.Revision.PublishedAt ?? DateTime.UtcNow)).ToList();
        content.PendingPublishes.Clear();
        return published;
    }

    private async Task RunHooksAsync(List<PublishedEvent> published, CancellationToken cancellationToken)
    {
        foreach (var hook in services.GetServices<IPublishedHook>())
        {
            foreach (var item in published)
            {
                try
                {
                    await hook.PublishedAsync(item, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The publish has committed; what follows it must not make it look failed.
                    services.GetRequiredService<ILogger<PublishPipeline>>().LogError(exception,
                        "After-publish hook {Hook} failed for item {ItemId}, revision {RevisionId}", hook.GetType().Name, item.ItemId, item.RevisionId);
                }
            }
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private IDbContextTransaction? Owned(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending) || pending.Owned is not { } transaction)
        {
            return null;
        }

        pending.Owned = null;
        return transaction;
    }

    private void Forget(DbContext? db)
    {
        if (db is not null && _pending.TryGetValue(db, out var pending))
        {
            pending.Changed = false;
        }

        (db as ContentDbContext)?.PendingPublishes.Clear();
    }

    private sealed class Pending
    {
        public bool Changed { get; set; }

        public IDbContextTransaction? Owned { get; set; }
    }
}
