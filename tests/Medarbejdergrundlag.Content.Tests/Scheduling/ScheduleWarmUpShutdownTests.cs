using System.Collections.Concurrent;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// A portal stopped while its schedule worker rehearses the publish path (a container stopped
/// right after it started, as the load benchmark's cold starts do) undoes the rehearsal and logs no
/// failed transaction: the benchmark's log showed "An error occurred using a transaction" twice per run.
/// </summary>
[Collection(ScheduleWarmUpTests.Alone)]
public sealed class ScheduleWarmUpShutdownTests
{
    [Fact]
    public async Task StoppingDuringTheRehearsalStillRollsItBackWithoutAnError()
    {
        using var stopping = new CancellationTokenSource();
        var errors = new ErrorLog();
        var gate = new StopDuringRehearsal(stopping);
        await using var database = await TestDatabase.CreateAsync(services: s => s
            .AddSingleton<IPublishGate>(gate)
            .AddLogging(l => l.AddProvider(errors)));
        var before = await RevisionsAsync(database);
        gate.Armed = true; // after the seed's own publishes

        var outcome = await database.Services.GetRequiredService<ScheduleRunner>().WarmUpAsync(stopping.Token);

        Assert.True(stopping.IsCancellationRequested, "the gate ran, so the stop came during the rehearsal");
        Assert.Equal(EditOutcome.Done, outcome);
        Assert.Equal(before, await RevisionsAsync(database));
        Assert.Empty(errors.Entries);
    }

    private static async Task<(int Revisions, int Audit, string Published)> RevisionsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return (await db.Revisions.CountAsync(), await db.AuditEntries.CountAsync(),
            string.Join(",", await db.Items.OrderBy(i => i.Id).Select(i => $"{i.Id}:{i.Version}:{i.PublishedRevisionId}").ToListAsync()));
    }

    /// <summary>A gate that lets the publish through and, once armed, stops the host while it is being checked.</summary>
    private sealed class StopDuringRehearsal(CancellationTokenSource stopping) : IPublishGate
    {
        public bool Armed { get; set; }

        public ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                stopping.Cancel();
            }

            return ValueTask.FromResult<IReadOnlyList<string>>([]);
        }
    }

    /// <summary>Every entry logged at Error or above, with its category.</summary>
    private sealed class ErrorLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ErrorLog owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Entries.Enqueue($"{category}: {formatter(state, exception)} {exception}");
                }
            }
        }
    }
}
