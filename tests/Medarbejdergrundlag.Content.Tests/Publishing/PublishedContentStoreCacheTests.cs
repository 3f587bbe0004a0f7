using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Tests.Publishing;

/// <summary>
/// The snapshot cache's timing: how often the database is read, when concurrent requests share one
/// load, when a load must be repeated, and what the log says. The store reads a real SQLite database
/// through the app's context factory; <see cref="CountingFactory"/> only counts (and can hold) the
/// store's reads, and "away" is a real failure (the stamp's table renamed).
/// </summary>
public sealed class PublishedContentStoreCacheTests
{
    [Fact]
    public async Task AFailedFirstReadIsAnsweredAtOnceWithinTheIntervalAndTriedAgainAfterIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new ManualClock();
        var factory = new CountingFactory(database);
        var store = new PublishedContentStore(factory, clock, new ListLogger<PublishedContentStore>());
        await AwayAsync(database, away: true);

        await Assert.ThrowsAsync<ContentUnavailableException>(() => store.GetAsync());
        Assert.Equal(1, factory.Reads);

        // Within the interval: no second read, the same answer at once.
        var again = await Assert.ThrowsAsync<ContentUnavailableException>(() => store.GetAsync());
        Assert.Equal(1, factory.Reads);
        Assert.NotNull(again.InnerException);

        clock.Advance(PublishedContentStore.CheckInterval);
        await Assert.ThrowsAsync<ContentUnavailableException>(() => store.GetAsync());
        Assert.Equal(2, factory.Reads);

        await AwayAsync(database, away: false);
        clock.Advance(PublishedContentStore.CheckInterval);
        Assert.NotNull((await store.GetAsync()).FindBearing("mod"));
        Assert.Equal(3, factory.Reads);
    }

    [Fact]
    public async Task RequestsArrivingWhileTheFirstLoadRunsShareIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = new CountingFactory(database);
        factory.Hold();
        var store = new PublishedContentStore(factory, new ManualClock(), new ListLogger<PublishedContentStore>());

        var first = store.GetAsync(PortalCulture.DanishCode);
        await factory.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = store.GetAsync(PortalCulture.DanishCode);
        factory.Release();

        Assert.Same(await first, await second);
        Assert.Equal(1, factory.Reads);
    }

    [Fact]
    public async Task AnInvalidationWhileALoadRunsMakesTheNextRequestLoadAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        var factory = new CountingFactory(database);
        var store = new PublishedContentStore(factory, new ManualClock(), new ListLogger<PublishedContentStore>());
        await store.GetAsync(PortalCulture.DanishCode);
        store.Invalidate();

        factory.Hold();
        var loading = store.GetAsync(PortalCulture.DanishCode);
        await factory.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // A publish commits while that load may already have read the old rows.
        store.Invalidate();
        factory.Release();
        var loaded = await loading;
        Assert.Equal(2, factory.Reads);

        var next = await store.GetAsync(PortalCulture.DanishCode);

        Assert.Equal(3, factory.Reads);
        Assert.NotSame(loaded, next);
        // That load ended the staleness: the clock has not moved, so nothing is read now.
        Assert.Same(next, await store.GetAsync(PortalCulture.DanishCode));
        Assert.Equal(3, factory.Reads);
    }

    [Fact]
    public async Task TheLogSaysWhatIsServedWhenTheDatabaseFailsAndWhenTheSnapshotIsReloaded()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new ManualClock();
        var logger = new ListLogger<PublishedContentStore>();
        var store = new PublishedContentStore(new CountingFactory(database), clock, logger);

        await AwayAsync(database, away: true);
        await Assert.ThrowsAsync<ContentUnavailableException>(() => store.GetAsync());
        Assert.Equal(["Warning: The published content could not be read; nothing to show until the database answers"], logger.Lines);

        // The first load and a check that finds the same stamp are not reloads.
        await AwayAsync(database, away: false);
        clock.Advance(PublishedContentStore.CheckInterval);
        var first = await store.GetAsync();
        clock.Advance(PublishedContentStore.CheckInterval);
        Assert.Same(first, await store.GetAsync());
        Assert.Single(logger.Lines);

        await using (var db = database.NewContext())
        {
            (await db.Items.SingleAsync(i => i.Key == "handlekraft")).IsArchived = true;
            await db.SaveChangesAsync();
        }

        long version;
        await using (var db = database.NewContext())
        {
            version = await ContentVersion.ReadAsync(db);
        }

        clock.Advance(PublishedContentStore.CheckInterval);
        var reloaded = await store.GetAsync();
        Assert.Null(reloaded.FindBearing("handlekraft"));
        Assert.Equal($"Information: Published content reloaded at content version {version}", logger.Lines[^1]);
        Assert.Equal(2, logger.Lines.Count);

        await AwayAsync(database, away: true);
        clock.Advance(PublishedContentStore.CheckInterval);
        Assert.Same(reloaded, await store.GetAsync());
        Assert.Equal("Warning: The published content could not be read; serving the last snapshot", logger.Lines[^1]);
        Assert.Equal(3, logger.Lines.Count);
        await AwayAsync(database, away: false);
    }

    private static async Task AwayAsync(TestDatabase database, bool away)
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlRawAsync(away
            ? "ALTER TABLE \"ContentVersion\" RENAME TO \"ContentVersionAway\""
            : "ALTER TABLE \"ContentVersionAway\" RENAME TO \"ContentVersion\"");
    }

    /// <summary>The app's context factory, counting the store's reads and able to hold them until released.</summary>
    private sealed class CountingFactory(TestDatabase database) : IDbContextFactory<ContentDbContext>
    {
        private readonly IDbContextFactory<ContentDbContext> _inner = database.Services.GetRequiredService<IDbContextFactory<ContentDbContext>>();
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;
        private volatile bool _held;

        /// <summary>Set when a held read has begun.</summary>
        public TaskCompletionSource Entered { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Reads => Volatile.Read(ref _reads);

        /// <summary>Holds the reads from now on until <see cref="Release"/>.</summary>
        public void Hold()
        {
            Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = true;
        }

        public void Release() => _released.TrySetResult();

        public ContentDbContext CreateDbContext() => throw new InvalidOperationException("The store reads asynchronously.");

        public async Task<ContentDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            if (_held)
            {
                Entered.TrySetResult();
                await _released.Task.WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            }

            return await _inner.CreateDbContextAsync(cancellationToken);
        }
    }
}

/// <summary>Keeps each log entry as "Level: message".</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_lines)
        {
            _lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
