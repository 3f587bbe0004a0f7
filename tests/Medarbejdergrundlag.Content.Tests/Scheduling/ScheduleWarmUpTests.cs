using System.Diagnostics.Metrics;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// The schedule worker's start-up rehearsal runs the whole publish path (a new revision, the gates,
/// the save, the stamp) and leaves nothing behind: no revision, no audit entry, no new version of
/// the site, no publish counted. How much it saves the first scheduled publish is measured by the
/// two-instance test on real processes, not asserted here. The publish counter is process-wide, so
/// this runs alone: another test's publish would otherwise show in it.
/// </summary>
[Collection(ScheduleWarmUpTests.Alone)]
public sealed class ScheduleWarmUpTests
{
    public const string Alone = "Publish counter, alone";

    [Theory]
    [InlineData(ContentDatabase.Sqlite)]
    [InlineData(ContentDatabase.Postgres)]
    public async Task TheRehearsalPublishesInsideATransactionItRollsBackSoNothingStays(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var before = await SnapshotAsync(database);
        var published = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name.Contains("publish", StringComparison.Ordinal))
            {
                Interlocked.Add(ref published, value);
            }
        });
        listener.Start();

        var outcome = await database.Services.GetRequiredService<ScheduleRunner>().WarmUpAsync();

        // It went all the way: the rehearsed publish was done, then undone.
        Assert.Equal(EditOutcome.Done, outcome);
        Assert.Equal(before, await SnapshotAsync(database));
        Assert.Equal(0, Interlocked.Read(ref published));
    }

    private static async Task<(int Revisions, int Audit, long Stamp, string Versions, string Published)> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var items = await db.Items.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.Version, i.PublishedRevisionId }).ToListAsync();
        return (
            await db.Revisions.CountAsync(),
            await db.AuditEntries.CountAsync(),
            await db.ContentVersion.Select(s => s.Value).SingleAsync(),
            string.Join(",", items.Select(i => $"{i.Id}:{i.Version}")),
            string.Join(",", items.Select(i => $"{i.Id}:{i.PublishedRevisionId}")));
    }
}

[CollectionDefinition(ScheduleWarmUpTests.Alone, DisableParallelization = true)]
public sealed class PublishCounterAlone;
