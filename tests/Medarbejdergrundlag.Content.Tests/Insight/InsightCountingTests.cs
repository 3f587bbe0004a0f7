using System.Globalization;
using Medarbejdergrundlag.Content.Insight;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Insight;

/// <summary>
/// What the insight counter counts in memory, how the flusher writes it (as increments, keeping what a
/// failing database would not take) and how old days become monthly totals, on a real database.
/// </summary>
public sealed class InsightCountingTests
{
    // Wednesday 10 March 2027, 13:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2027, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 3, 10);

    private readonly TestClock _clock = new(Start);

    [Fact]
    public void TheCountersDayIsTheDayInCopenhagen()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero));
        var counter = new InsightCounter(clock);
        Assert.Equal(new DateOnly(2026, 12, 31), counter.Today);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DateOnly(2027, 1, 1), counter.Today);
    }

    [Fact]
    public async Task CountsAreWrittenAsIncrementsSoASecondRoundAddsToTheRowsTheFirstMade()
    {
        await using var database = await CreateAsync();
        var counter = Counter(database);
        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/handlekraft");
        counter.Search("Ferie", 4);
        counter.Search("  FERIE ", 4);
        counter.Click("ferie", 2);
        Assert.True(await Flusher(database).FlushAsync());

        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/mod");
        counter.Search("ferie", 7);
        counter.Search("mod", 2);
        counter.Click("Ferie", 2);
        counter.Click("Ferie", 1);
        counter.Click("mod", 2);
        // The next day counts in rows of its own.
        _clock.Advance(TimeSpan.FromDays(1));
        counter.View("/pejlemaerker/mod");
        counter.Search("ferie", 8);
        counter.Click("ferie", 2);
        Assert.True(await Flusher(database).FlushAsync());

        await using var db = database.NewContext();
        Assert.Equal(
            [("/pejlemaerker/handlekraft", Today, 1L), ("/pejlemaerker/mod", Today, 5L), ("/pejlemaerker/mod", Today.AddDays(1), 1L)],
            (await db.PageViewCounts.ToListAsync()).Where(c => !c.Monthly).Select(c => (c.Path, c.Day, c.Count)).Order().ToList());
        // The latest search's result count is the one kept.
        Assert.Equal([("ferie", Today, 3L, 7), ("ferie", Today.AddDays(1), 1L, 8), ("mod", Today, 1L, 2)],
            (await db.SearchCounts.ToListAsync()).Select(c => (c.Query, c.Day, c.Count, c.Results)).Order().ToList());
        Assert.Equal([("ferie", Today, 1, 1L), ("ferie", Today, 2, 2L), ("ferie", Today.AddDays(1), 2, 1L), ("mod", Today, 2, 1L)],
            (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Query, c.Day, c.Position, c.Count)).Order().ToList());
        Assert.DoesNotContain(await db.PageViewCounts.ToListAsync(), c => c.Monthly);
        Assert.DoesNotContain(await db.SearchCounts.ToListAsync(), c => c.Monthly);
        Assert.DoesNotContain(await db.SearchClickCounts.ToListAsync(), c => c.Monthly);

        // A round with nothing counted writes nothing and succeeds.
        Assert.True(await Flusher(database).FlushAsync());
        Assert.Equal(7, await db.PageViewCounts.SumAsync(c => c.Count));
    }

    [Fact]
    public async Task TheRunningFlusherWritesEveryIntervalAndWhatIsLeftWhenTheInstanceStops()
    {
        await using var database = await CreateAsync(s => s.Configure<InsightOptions>(o => o.FlushInterval = TimeSpan.FromMilliseconds(100)));
        var counter = Counter(database);
        var flusher = Flusher(database);
        await flusher.StartAsync(CancellationToken.None);
        try
        {
            counter.View("/pejlemaerker/mod");
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await ViewsAsync(database) == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }

            Assert.Equal(1, await ViewsAsync(database));
        }
        finally
        {
            counter.View("/pejlemaerker/mod");
            counter.View("/pejlemaerker/mod");
            await flusher.StopAsync(CancellationToken.None);
        }

        // Stopping wrote the views counted since the last round.
        Assert.Equal(3, await ViewsAsync(database));
    }

    [Fact]
    public async Task OnlyAPositionFromOneToAHundredAndAQueryWithSomethingLeftAreCounted()
    {
        await using var database = await CreateAsync();
        var counter = Counter(database);
        foreach (var position in new[] { -1, 0, 1, 100, 101 })
        {
            counter.Click("mod", position);
        }

        counter.Click("   ", 3);
        counter.Click(null, 3);
        counter.Search("   ", 2);
        counter.Search(null, 2);
        Assert.True(await Flusher(database).FlushAsync());

        await using var db = database.NewContext();
        Assert.Equal([("mod", 1), ("mod", 100)], (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Query, c.Position)).Order().ToList());
        Assert.Empty(await db.SearchCounts.ToListAsync());
    }

    [Fact]
    public async Task CountsTheDatabaseWouldNotTakeAreKeptForTheNextRoundAndNoneIsWrittenTwice()
    {
        await using var database = await CreateAsync();
        var counter = Counter(database);
        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/mod");
        counter.Search("ferie", 3);
        counter.Click("ferie", 1);

        // The views go in; the searches' table is gone, so the round fails there.
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SearchCounts\" RENAME TO \"SearchCountsAway\"");
        }

        Assert.False(await Flusher(database).FlushAsync());
        counter.Search("ferie", 5);

        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SearchCountsAway\" RENAME TO \"SearchCounts\"");
            Assert.Equal(2, await db.PageViewCounts.SumAsync(c => c.Count));
            Assert.Empty(await db.SearchClickCounts.ToListAsync());
        }

        Assert.True(await Flusher(database).FlushAsync());
        await using (var db = database.NewContext())
        {
            // The views were not written again; the kept search and the click were, with the newest result count.
            Assert.Equal(2, await db.PageViewCounts.SumAsync(c => c.Count));
            Assert.Equal([("ferie", 2L, 5)], (await db.SearchCounts.ToListAsync()).Select(c => (c.Query, c.Count, c.Results)).ToList());
            Assert.Equal([("ferie", 1, 1L)], (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Query, c.Position, c.Count)).ToList());
        }
    }

    [Fact]
    public async Task AFailedRoundOfClicksKeepsOnlyTheClicksTheSearchesBeforeThemAreNotWrittenTwice()
    {
        await using var database = await CreateAsync();
        var counter = Counter(database);
        counter.View("/pejlemaerker/mod");
        counter.Search("ferie", 3);
        counter.Search("mod", 1);
        counter.Click("ferie", 4);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SearchClickCounts\" RENAME TO \"SearchClickCountsAway\"");
        }

        Assert.False(await Flusher(database).FlushAsync());
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"SearchClickCountsAway\" RENAME TO \"SearchClickCounts\"");
        }

        Assert.True(await Flusher(database).FlushAsync());
        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.PageViewCounts.SumAsync(c => c.Count));
            Assert.Equal([("ferie", 1L), ("mod", 1L)], (await db.SearchCounts.ToListAsync()).Select(c => (c.Query, c.Count)).Order().ToList());
            Assert.Equal([(4, 1L)], (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Position, c.Count)).ToList());
        }
    }

    [Fact]
    public async Task AFailedRoundOfViewsKeepsEveryViewAndTheClicksAfterThem()
    {
        await using var database = await CreateAsync();
        var counter = Counter(database);
        counter.View("/pejlemaerker/mod");
        counter.View("/pejlemaerker/handlekraft");
        counter.Search("ferie", 3);
        counter.Click("ferie", 4);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"PageViewCounts\" RENAME TO \"PageViewCountsAway\"");
        }

        Assert.False(await Flusher(database).FlushAsync());
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"PageViewCountsAway\" RENAME TO \"PageViewCounts\"");
        }

        Assert.True(await Flusher(database).FlushAsync());
        await using (var db = database.NewContext())
        {
            Assert.Equal(["/pejlemaerker/handlekraft", "/pejlemaerker/mod"], (await db.PageViewCounts.ToListAsync()).Select(c => c.Path).Order(StringComparer.Ordinal));
            Assert.Equal([("ferie", 1L, 3)], (await db.SearchCounts.ToListAsync()).Select(c => (c.Query, c.Count, c.Results)).ToList());
            Assert.Equal([(4, 1L)], (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Position, c.Count)).ToList());
        }
    }

    [Fact]
    public async Task DaysOlderThanTheRetentionBecomeMonthlyTotalsAndRecentDaysStay()
    {
        await using var database = await CreateAsync();
        // RetainAsync goes by the real date: these days are years before it, yesterday is not.
        var january = new DateOnly(2020, 1, 1);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.ToCopenhagen() - new InsightOptions().DailyRetention);
        await using (var db = database.NewContext())
        {
            db.PageViewCounts.AddRange(
                new PageViewCount { Path = "/a", Day = january.AddDays(4), Count = 3 },
                new PageViewCount { Path = "/a", Day = january.AddDays(20), Count = 4 },
                new PageViewCount { Path = "/a", Day = january.AddMonths(1), Count = 10 },
                new PageViewCount { Path = "/b", Day = january.AddDays(9), Count = 1 },
                // An earlier retention's month is added to, not replaced.
                new PageViewCount { Path = "/b", Day = january, Monthly = true, Count = 100 },
                new PageViewCount { Path = "/a", Day = yesterday, Count = 6 },
                // The oldest day kept as it is: exactly the retention's length ago.
                new PageViewCount { Path = "/c", Day = cutoff, Count = 2 });
            db.SearchCounts.AddRange(
                new SearchCount { Query = "ferie", Day = january.AddDays(2), Count = 2, Results = 9 },
                new SearchCount { Query = "ferie", Day = january.AddDays(15), Count = 5, Results = 1 },
                new SearchCount { Query = "ferie", Day = january.AddDays(8), Count = 1, Results = 4 },
                new SearchCount { Query = "ferie", Day = yesterday, Count = 3, Results = 2 },
                new SearchCount { Query = "kant", Day = cutoff, Count = 1, Results = 1 });
            db.SearchClickCounts.AddRange(
                new SearchClickCount { Query = "ferie", Day = january.AddDays(2), Position = 1, Count = 2 },
                new SearchClickCount { Query = "ferie", Day = january.AddDays(3), Position = 1, Count = 3 },
                new SearchClickCount { Query = "ferie", Day = january.AddDays(3), Position = 2, Count = 1 },
                new SearchClickCount { Query = "ferie", Day = yesterday, Position = 1, Count = 7 },
                new SearchClickCount { Query = "kant", Day = cutoff, Position = 1, Count = 1 });
            await db.SaveChangesAsync();
        }

        await Flusher(database).RetainAsync();

        await using (var db = database.NewContext())
        {
            Assert.Equal(
                [("/a", january, true, 7L), ("/a", january.AddMonths(1), true, 10L), ("/a", yesterday, false, 6L), ("/b", january, true, 101L), ("/c", cutoff, false, 2L)],
                (await db.PageViewCounts.ToListAsync()).Select(c => (c.Path, c.Day, c.Monthly, c.Count)).Order().ToList());
            // The month's result count is its latest day's.
            Assert.Equal(
                [("ferie", january, true, 8L, 1), ("ferie", yesterday, false, 3L, 2), ("kant", cutoff, false, 1L, 1)],
                (await db.SearchCounts.ToListAsync()).Select(c => (c.Query, c.Day, c.Monthly, c.Count, c.Results)).Order().ToList());
            Assert.Equal(
                [(january, true, 1, 5L), (january, true, 2, 1L), (cutoff, false, 1, 1L), (yesterday, false, 1, 7L)],
                (await db.SearchClickCounts.ToListAsync()).Select(c => (c.Day, c.Monthly, c.Position, c.Count)).Order().ToList());
        }
    }

    [Theory]
    [InlineData(0, 0L)]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5L)]
    [InlineData(12, 12L)]
    public void AFigureUnderFiveIsNotShownButNoneIs(long value, long? shown) => Assert.Equal(shown, InsightReport.Shown(value));

    [Theory]
    [InlineData("/Pejlemaerker/Mod", "/pejlemaerker/mod")]
    [InlineData("/medarbejdergrundlag#Mod", "/medarbejdergrundlag")]
    [InlineData("#top", "")]
    [InlineData("/", "/")]
    public void APageIsCountedUnderItsPathInLowerCaseWithoutItsFragment(string path, string expected) =>
        Assert.Equal(expected, InsightReport.PagePath(path));

    [Fact]
    public async Task ThePagesShowTheirViewsOverSevenThirtyAndNinetyDaysAndTheSevenDaysBefore()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            // Each count a power of two, so every sum says which days went into it.
            foreach (var (ago, count) in new[] { (0, 1), (6, 2), (7, 4), (13, 8), (14, 16), (29, 32), (30, 64), (89, 128), (90, 256) })
            {
                db.PageViewCounts.Add(new PageViewCount { Path = "/pejlemaerker/mod", Day = Today.AddDays(-ago), Count = count });
            }

            // Monthly totals and days of the future are not the days shown.
            db.PageViewCounts.Add(new PageViewCount { Path = "/pejlemaerker/mod", Day = Today.AddDays(-40), Monthly = true, Count = 1000 });
            db.PageViewCounts.Add(new PageViewCount { Path = "/", Day = Today, Count = 5 });
            db.PageViewCounts.Add(new PageViewCount { Path = "/medarbejdergrundlag", Day = Today.AddDays(-2), Count = 5 });
            db.PageViewCounts.Add(new PageViewCount { Path = "/andet", Day = Today.AddDays(-1), Count = 5 });
            await db.SaveChangesAsync();
        }

        var figures = await FiguresAsync(database);

        Assert.Equal(Today, figures.Today);
        var mod = Assert.Single(figures.Pages, p => p.Path == "/pejlemaerker/mod");
        Assert.Equal(("Mod", 1 + 2L, 1 + 2 + 4 + 8 + 16 + 32L, 1 + 2 + 4 + 8 + 16 + 32 + 64 + 128L, 4 + 8L),
            (mod.Title, mod.Last7, mod.Last30, mod.Last90, mod.Previous7));
        // The most viewed over 30 days first, then by path; the front page and the charter by name, an unknown path as itself.
        Assert.Equal(
            [("/pejlemaerker/mod", "Mod"), ("/", "Forsiden"), ("/andet", "/andet"), ("/medarbejdergrundlag", "Medarbejdergrundlaget")],
            figures.Pages.Select(p => (p.Path, p.Title)).ToList());
    }

    [Fact]
    public async Task TheChartHasThirtyDaysEndingTodayWithEachDaysTotalOrNothingUnderFive()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            db.PageViewCounts.AddRange(
                new PageViewCount { Path = "/a", Day = Today, Count = 3 },
                new PageViewCount { Path = "/b", Day = Today, Count = 4 },
                new PageViewCount { Path = "/a", Day = Today.AddDays(-1), Count = 2 },
                new PageViewCount { Path = "/a", Day = Today.AddDays(-29), Count = 9 },
                new PageViewCount { Path = "/a", Day = Today.AddDays(-30), Count = 50 });
            await db.SaveChangesAsync();
        }

        var days = (await FiguresAsync(database)).ViewsByDay;

        Assert.Equal(InsightReport.ChartDays, days.Count);
        Assert.Equal((Today.AddDays(-29), 9L), (days[0].Day, days[0].Value));
        Assert.Equal((Today.AddDays(-1), (long?)null), (days[^2].Day, days[^2].Value));
        Assert.Equal((Today, 7L), (days[^1].Day, days[^1].Value));
        Assert.Equal(0, days[1].Value);
    }

    [Fact]
    public async Task AnItemNobodyOpenedIn180DaysIsUnreadSoonestReviewFirst()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            var items = await db.Items.Include(i => i.PublishedRevision).Where(i => i.PublishedRevision != null && !i.IsArchived).ToListAsync();
            Assert.True(items.Count > 3);
            foreach (var item in items)
            {
                item.ReviewBy = null;
            }

            items.Single(i => i.Key == "udvikling").ReviewBy = Today.AddDays(40);
            // Archived: off the site, so nobody can read it.
            items.Single(i => i.Key == "faellesskab").IsArchived = true;
            items.Single(i => i.Key == "handlekraft").ReviewBy = Today.AddDays(10);
            // Opened 179 days ago: read; opened 180 days ago only: unread; opened this month only as a monthly total: unread.
            db.PageViewCounts.AddRange(
                new PageViewCount { Path = "/pejlemaerker/mod", Day = Today.AddDays(-179), Count = 1 },
                new PageViewCount { Path = "/pejlemaerker/handlekraft", Day = Today.AddDays(-180), Count = 1 },
                new PageViewCount { Path = "/pejlemaerker/udvikling", Day = Today.AddDays(-3), Monthly = true, Count = 9 });
            await db.SaveChangesAsync();
        }

        var unread = (await FiguresAsync(database)).Unread;

        Assert.DoesNotContain(unread, u => u.Path == "/pejlemaerker/mod");
        Assert.DoesNotContain(unread, u => u.Path == "/pejlemaerker/faellesskab");
        Assert.Equal([("/pejlemaerker/handlekraft", Today.AddDays(10)), ("/pejlemaerker/udvikling", Today.AddDays(40))],
            unread.Take(2).Select(u => (u.Path, u.ReviewBy!.Value)).ToList());
        // Those without a review date after, by title in Danish order.
        var rest = unread.Skip(2).ToList();
        Assert.All(rest, u => Assert.Null(u.ReviewBy));
        Assert.Equal(rest.Select(u => u.Title).Order(PortalCulture.DanishOrder), rest.Select(u => u.Title));
        Assert.Equal("Handlekraft", unread[0].Title);
    }

    [Fact]
    public async Task ASearchIsListedFromFiveTimesInThirtyDaysUnderItsLatestResultsWithItsClicksByPosition()
    {
        await using var database = await CreateAsync();
        await using (var db = database.NewContext())
        {
            db.SearchCounts.AddRange(
                new SearchCount { Query = "ferie", Day = Today.AddDays(-29), Count = 3, Results = 0 },
                new SearchCount { Query = "ferie", Day = Today, Count = 2, Results = 6 },
                new SearchCount { Query = "gammel", Day = Today.AddDays(-30), Count = 40, Results = 2 },
                new SearchCount { Query = "gammel", Day = Today, Count = 4, Results = 2 },
                new SearchCount { Query = "månedlig", Day = Today.AddDays(-1), Monthly = true, Count = 40, Results = 2 },
                new SearchCount { Query = "xyzzy", Day = Today.AddDays(-3), Count = 9, Results = 0 },
                new SearchCount { Query = "blomst", Day = Today.AddDays(-3), Count = 5, Results = 0 },
                new SearchCount { Query = "ager", Day = Today.AddDays(-3), Count = 5, Results = 0 },
                new SearchCount { Query = "mod", Day = Today.AddDays(-3), Count = 9, Results = 3 },
                new SearchCount { Query = "aften", Day = Today.AddDays(-3), Count = 9, Results = 1 });
            db.SearchClickCounts.AddRange(
                new SearchClickCount { Query = "ferie", Day = Today, Position = 3, Count = 1 },
                new SearchClickCount { Query = "ferie", Day = Today.AddDays(-1), Position = 1, Count = 2 },
                new SearchClickCount { Query = "ferie", Day = Today.AddDays(-29), Position = 3, Count = 16 },
                new SearchClickCount { Query = "ferie", Day = Today, Position = 1, Count = 4 },
                new SearchClickCount { Query = "ferie", Day = Today.AddDays(-30), Position = 2, Count = 8 },
                new SearchClickCount { Query = "ferie", Day = Today, Monthly = true, Position = 2, Count = 8 });
            await db.SaveChangesAsync();
        }

        var figures = await FiguresAsync(database);

        // Most searched first, then alphabetically; fewer than five times in the last 30 days: not at all.
        Assert.Equal([("aften", 9L, 1), ("mod", 9L, 3), ("ferie", 5L, 6)], figures.TopSearches.Select(q => (q.Query, q.Count, q.Results)).ToList());
        Assert.Equal([("xyzzy", 9L), ("ager", 5L), ("blomst", 5L)], figures.ZeroResults.Select(q => (q.Query, q.Count)).ToList());
        Assert.Equal([(1, 6L), (3, 17L)], figures.TopSearches.Single(q => q.Query == "ferie").Clicks);
        Assert.Empty(figures.TopSearches.Single(q => q.Query == "mod").Clicks);
    }

    [Fact]
    public async Task AtMostTwentySearchesAreListedAndTheMinimumIsAtLeastOne()
    {
        await using var database = await CreateAsync(s => s.Configure<InsightOptions>(o => o.MinimumQueryCount = 0));
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < 25; i++)
            {
                db.SearchCounts.Add(new SearchCount { Query = $"s{i:00}", Day = Today, Count = i, Results = 1 });
            }

            db.SearchCounts.Add(new SearchCount { Query = "z00", Day = Today, Count = 0, Results = 0 });
            db.SearchCounts.Add(new SearchCount { Query = "z01", Day = Today, Count = 1, Results = 0 });

            await db.SaveChangesAsync();
        }

        var figures = await FiguresAsync(database);

        Assert.Equal(Enumerable.Range(5, 20).Reverse().Select(i => $"s{i:00}"), figures.TopSearches.Select(q => q.Query));
        // z00 was searched no times at all: never listed, whatever the setting.
        Assert.Equal(["z01"], figures.ZeroResults.Select(q => q.Query));
    }

    private async Task<TestDatabase> CreateAsync(Action<IServiceCollection>? more = null) =>
        await TestDatabase.CreateAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            more?.Invoke(s);
        });

    private static async Task<long> ViewsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.PageViewCounts.SumAsync(c => c.Count);
    }

    private static InsightCounter Counter(TestDatabase database) => database.Services.GetRequiredService<InsightCounter>();

    private static InsightFlusher Flusher(TestDatabase database) => database.Services.GetRequiredService<InsightFlusher>();

    /// <summary>The report as /admin/indsigt asks for it: in Danish, whatever the machine's culture.</summary>
    private static async Task<InsightFigures> FiguresAsync(TestDatabase database)
    {
        CultureInfo.CurrentUICulture = PortalCulture.Danish;
        using var scope = database.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InsightReport>().GetAsync();
    }
}
