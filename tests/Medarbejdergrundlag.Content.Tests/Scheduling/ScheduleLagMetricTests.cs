using System.Diagnostics.Metrics;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>
/// Operators see how late scheduled work commits (<c>portal.scheduled_publish.lag</c>). The meter is
/// process-wide, so this runs alone: another test's scheduled run would otherwise show in it.
/// </summary>
[Collection(ScheduleWarmUpTests.Alone)]
public sealed class ScheduleLagMetricTests
{
    // Friday 27 November 2026, 14:00 in Copenhagen (UTC+1).
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    [Fact]
    public async Task AScheduledRunRecordsHowLongAfterItsDueTimeItCommittedAndWhatKind()
    {
        var clock = new TestClock(Start);
        await using var database = await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        int itemId;
        await using (var db = database.NewContext())
        {
            itemId = await db.Items.Where(i => i.PublishedRevisionId != null && !i.IsArchived).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        }

        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<PublishSchedule>().ScheduleArchiveAsync(itemId, "27-11-2026 15:00", Hanne)).Succeeded);
        }

        var lags = new List<(double Seconds, object? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PortalMetrics.MeterName && instrument.Name == "portal.scheduled_publish.lag")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (lags)
            {
                lags.Add((value, tags.ToArray().SingleOrDefault(t => t.Key == "kind").Value));
            }
        });
        listener.Start();

        clock.Advance(TimeSpan.FromMinutes(61.5));
        Assert.Equal(1, await database.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());

        Assert.Equal([(90.0, (object?)"archive")], lags);
    }
}
