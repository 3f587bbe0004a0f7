using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Medarbejdergrundlag.Content.Tests.Confirmations;

/// <summary>The retention clean-up as the hosted service runs it, on a clock the test moves.</summary>
public sealed class ConfirmationRetentionTests
{
    [Fact]
    public async Task ConfirmationsOlderThanTheRetentionPeriodAreDeletedAtStartAndAtEachPeriod()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = database.NewContext())
        {
            db.Confirmations.AddRange(
                new Confirmation { SubjectId = "persona:gammel", Version = "1", ConfirmedAt = now.AddDays(-40) },
                new Confirmation { SubjectId = "persona:nyere", Version = "1", ConfirmedAt = now.AddDays(-10) },
                new Confirmation { SubjectId = "persona:ny", Version = "1", ConfirmedAt = now });
            await db.SaveChangesAsync();
        }

        var options = Options.Create(new ConfirmationOptions { Retention = TimeSpan.FromDays(30), CleanupInterval = TimeSpan.FromHours(6) });
        using var retention = new ConfirmationRetention(
            database.Services.GetRequiredService<IServiceScopeFactory>(), options, clock, NullLogger<ConfirmationRetention>.Instance);

        await retention.StartAsync(CancellationToken.None);
        await UntilAsync(database, ["persona:ny", "persona:nyere"]);

        // 25 days on, the clean-up's next pass finds "nyere" 35 days old; "ny" is 25 days old and stays.
        clock.Advance(TimeSpan.FromDays(25));
        await UntilAsync(database, ["persona:ny"]);

        await retention.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task APassThatCannotReachTheDatabaseDeletesNothingSaysSoAndTriesAgainLater()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE Confirmations");
        }

        var logger = new ListLogger();
        using var retention = new ConfirmationRetention(database.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new ConfirmationOptions()), TimeProvider.System, logger);

        Assert.Equal(0, await retention.CleanUpAsync());
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Entries).Level);
    }

    [Fact]
    public async Task APassThatDeletesSaysHowManyAndAPassThatDeletesNothingIsQuiet()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.NewContext())
        {
            db.Confirmations.Add(new Confirmation { SubjectId = "persona:gammel", Version = "1", ConfirmedAt = DateTime.UtcNow.AddDays(-800) });
            await db.SaveChangesAsync();
        }

        var logger = new ListLogger();
        using var retention = new ConfirmationRetention(database.Services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new ConfirmationOptions()), TimeProvider.System, logger);

        Assert.Equal(1, await retention.CleanUpAsync());
        Assert.Equal(0, await retention.CleanUpAsync());
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.StartsWith("Deleted 1 confirmations made before ", entry.Message);
    }

    /// <summary>Keeps what was logged, to see that a pass says what it did.</summary>
    private sealed class ListLogger : ILogger<ConfirmationRetention>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }

    private static async Task UntilAsync(TestDatabase database, string[] expected)
    {
        string[] left = [];
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = database.NewContext();
            left = await db.Confirmations.Select(c => c.SubjectId).OrderBy(s => s).ToArrayAsync();
            if (left.SequenceEqual(expected))
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Equal(expected, left);
    }
}
