using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// The pipeline's edges: which saves count as public, a context used for more than one
/// transaction, and after-publish hooks that fail.
/// </summary>
public sealed class PublishPipelineEdgeTests
{
    [Fact]
    public async Task ANewRedirectMovesTheStampAndIsSeenAtOnce()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        await using (var db = database.NewContext())
        {
            var mod = await db.Items.SingleAsync(i => i.Key == "mod");
            db.SlugRedirects.Add(new SlugRedirect { Kind = mod.Kind, Slug = "modet-gammel", ContentItemId = mod.Id, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        Assert.Equal(before + 1, await StampAsync(database));
        Assert.NotSame(snapshot, await store.GetAsync());
    }

    [Fact]
    public async Task WithAutomaticChangeDetectionOffAChangeNobodyDetectedIsNeitherSavedNorCounted()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        var snapshot = await store.GetAsync();
        var before = await StampAsync(database);

        await using (var db = database.NewContext())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            (await db.Items.SingleAsync(i => i.Key == "handlekraft")).IsArchived = true;
            Assert.Equal(0, await db.SaveChangesAsync());
        }

        Assert.Equal(before, await StampAsync(database));
        Assert.Same(snapshot, await store.GetAsync());
        Assert.NotNull(snapshot.FindBearing("handlekraft"));
    }

    [Fact]
    public async Task AfterACommittedChangeTheSameContextsNextCommitOfNothingPublicLeavesTheSnapshot()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Services.GetRequiredService<PublishedContentStore>();
        await using var db = database.NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            (await db.Items.SingleAsync(i => i.Key == "handlekraft")).IsArchived = true;
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var snapshot = await store.GetAsync();
        Assert.Null(snapshot.FindBearing("handlekraft"));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await transaction.CommitAsync();
        }

        Assert.Same(snapshot, await store.GetAsync());
    }

    [Fact]
    public async Task AHookThatThrowsIsLoggedTheOthersStillRunAndEachPublishReachesThemOnce()
    {
        var logger = new ListLogger<PublishPipeline>();
        var recorder = new RecordingHook();
        await using var database = await TestDatabase.CreateAsync(services: services =>
        {
            services.AddSingleton<IPublishedHook, ThrowingHook>();
            services.AddSingleton<IPublishedHook>(recorder);
            services.AddSingleton<ILogger<PublishPipeline>>(logger);
        });
        using var scope = database.Services.CreateScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        ContentItem item;
        await using (var db = database.NewContext())
        {
            item = await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleAsync(i => i.Key == "mod");
        }

        // The seed's publishes reached the hooks already; count from here.
        var seenBefore = recorder.Seen.Count;
        var loggedBefore = logger.Lines.Count;
        var saved = await editor.SaveDraftAsync(item.Id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Title = "Mod og modet" }, "Hanne");
        var published = await editor.PublishAsync(item.Id, saved.Item!.Version, "Hanne");

        Assert.True(published.Succeeded);
        Assert.Equal(seenBefore + 1, recorder.Seen.Count);
        var seen = recorder.Seen[^1];
        Assert.Equal((item.Id, "Mod og modet"), (seen.ItemId, seen.Title));
        Assert.Equal(loggedBefore + 1, logger.Lines.Count);
        Assert.Equal($"Error: After-publish hook ThrowingHook failed for item {item.Id}, revision {seen.RevisionId}", logger.Lines[^1]);

        // The publish's context commits again: the publish was handed on already and is not repeated.
        var context = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            await transaction.CommitAsync();
        }

        Assert.Equal(seenBefore + 1, recorder.Seen.Count);
        Assert.Equal(loggedBefore + 1, logger.Lines.Count);
    }

    private sealed class ThrowingHook : IPublishedHook
    {
        public Task PublishedAsync(PublishedEvent published, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The hook failed.");
    }

    private sealed class RecordingHook : IPublishedHook
    {
        private readonly List<PublishedEvent> _seen = [];

        public IReadOnlyList<PublishedEvent> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task PublishedAsync(PublishedEvent published, CancellationToken cancellationToken = default)
        {
            lock (_seen)
            {
                _seen.Add(published);
            }

            return Task.CompletedTask;
        }
    }

    private static async Task<long> StampAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await ContentVersion.ReadAsync(db);
    }
}
