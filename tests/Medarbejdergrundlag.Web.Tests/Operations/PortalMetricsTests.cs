using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// Each of the portal's own metrics, seen through a <see cref="MeterListener"/> (what every exporter
/// listens with), moves when its event happens, by exactly as much, with its bounded labels.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PortalMetricsTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _sums = new();
    private readonly ConcurrentDictionary<string, double> _last = new();
    private readonly ConcurrentDictionary<string, long> _counts = new();
    private readonly PortalFactory _factory = new();

    public PortalMetricsTests()
    {
        var scope = _factory.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // The counters live on the static meter; the gauges on this host's own.
            if (instrument.Meter.Name == PortalMetrics.MeterName && (instrument.Meter.Scope is null || instrument.Meter.Scope == scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name + string.Concat(tags.ToArray().OrderBy(t => t.Key).Select(t => $"|{t.Key}={t.Value}"));
        _sums.AddOrUpdate(key, value, (_, sum) => sum + value);
        _last[key] = value;
        _counts.AddOrUpdate(key, 1, (_, count) => count + 1);
    }

    private double Sum(string key) => _sums.GetValueOrDefault(key);

    private async Task<(double Reviews, double Translations, double Sessions, double ScheduleOverdue)> GaugesAsync()
    {
        await _factory.Services.GetRequiredService<PortalStateMetrics>().RefreshAsync();
        _listener.RecordObservableInstruments();
        return (_last.GetValueOrDefault("portal.reviews.overdue"), _last.GetValueOrDefault("portal.translations.outdated"),
            _last.GetValueOrDefault("portal.sessions.active"), _last.GetValueOrDefault("portal.scheduled_publish.overdue"));
    }

    [Fact]
    public async Task EachPortalMetricMovesWhenItsEventHappens()
    {
        var before = await GaugesAsync();

        // Publishes by result.
        await _factory.PublishBodyAsync("mod", "Mod er at sige det, der skal siges.");
        Assert.Equal(1, Sum("portal.publishes|result=published|trigger=editor"));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var mod = await ItemAsync(scope, "mod");
            Assert.Equal(EditOutcome.Invalid, (await editor.PublishAsync(mod.Id, mod.Version, "test")).Outcome);
            Assert.Equal(EditOutcome.Conflict, (await editor.PublishAsync(mod.Id, mod.Version - 1, "test")).Outcome);
        }

        Assert.Equal(1, Sum("portal.publishes|result=refused|trigger=editor"));
        Assert.Equal(1, Sum("portal.publishes|result=conflict|trigger=editor"));

        // A scheduled publish, due 3 s ago while the worker is stopped: the overdue gauge shows it waiting;
        // run, it is counted as a schedule's publish, its lag recorded, and the gauge is back at 0.
        Assert.Equal(0, before.ScheduleOverdue);
        await _factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ScheduleWorker>().Single().StopAsync(CancellationToken.None);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var item = await ItemAsync(scope, "udvikling");
            var draft = await editor.SaveDraftAsync(item.Id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Title = "Udvikling, planlagt" }, "test");
            db.ScheduledActions.Add(new ScheduledAction
            {
                ContentItemId = item.Id, Kind = ScheduledActionKind.Publish, RevisionId = draft.Revision!.Id, State = ScheduleState.Pending,
                DueAt = DateTime.UtcNow.AddSeconds(-3), ScheduledAt = DateTime.UtcNow.AddMinutes(-1), ScheduledBy = "test", ScheduledById = "test",
            });
            await db.SaveChangesAsync();
        }

        Assert.InRange((await GaugesAsync()).ScheduleOverdue, 3, 30);
        Assert.Equal(1, await _factory.Services.GetRequiredService<ScheduleRunner>().RunDueAsync());
        Assert.Equal(1, _counts.GetValueOrDefault("portal.scheduled_publish.lag|kind=publish"));
        Assert.Equal(0, (await GaugesAsync()).ScheduleOverdue);
        Assert.InRange(_last["portal.scheduled_publish.lag|kind=publish"], 3, 30);
        Assert.Equal(1, Sum("portal.publishes|result=published|trigger=schedule"));

        // A confirmation of the charter.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var confirmations = scope.ServiceProvider.GetRequiredService<CharterConfirmations>();
            var status = await confirmations.StatusAsync("persona:metrics");
            Assert.Equal(ConfirmOutcome.Confirmed, await confirmations.ConfirmAsync("persona:metrics", status.CurrentVersion, null));
            Assert.Equal(ConfirmOutcome.AlreadyConfirmed, await confirmations.ConfirmAsync("persona:metrics", status.CurrentVersion, null));
        }

        Assert.Equal(1, Sum("portal.confirmations"));

        // Import rows by outcome: two imported; three refused with a file that has an error.
        const string header = "Titel;Målgruppe;Forvaltning;Dage;Pejlemærker;Tilmelding;Start;Slut;Sted\r\n";
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<CourseImporter>();
            var good = CourseImport.Read(header +
                "Mod i metrik;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n" +
                "Mod i metrik;Ledere;Tværgående;2;Mod;phoenix@odense.dk;25-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
            Assert.True((await importer.ImportAsync(good, publish: false, "test")).Succeeded);
            var bad = CourseImport.Read(header +
                "A;Ledere;Tværgående;2;Mod;phoenix@odense.dk;24-03-2027 09:00;15:00;Phønix\r\n" +
                "B;Ledere;Tværgående;2;Mod;phoenix@odense.dk;ikke en dato;15:00;Phønix\r\n" +
                "C;Ledere;Tværgående;2;Mod;phoenix@odense.dk;26-03-2027 09:00;15:00;Phønix\r\n", [("mod", "Mod")]);
            Assert.False((await importer.ImportAsync(bad, publish: false, "test")).Succeeded);
        }

        Assert.Equal(2, Sum("portal.import.rows|outcome=imported"));
        Assert.Equal(3, Sum("portal.import.rows|outcome=refused"));

        // The whole-page cache: the first signed-in request renders the page, the second is a hit.
        using var reader = await _factory.SignedInClientAsync();
        await reader.GetStringAsync("/pejlemaerker/mod");
        Assert.Equal((0, 1), (Sum("portal.page_cache.requests|result=hit"), Sum("portal.page_cache.requests|result=miss")));
        await reader.GetStringAsync("/pejlemaerker/mod");
        Assert.Equal((1, 1), (Sum("portal.page_cache.requests|result=hit"), Sum("portal.page_cache.requests|result=miss")));

        // The gauges: one more item overdue for review, one translation behind its Danish text, one more session.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var handlekraft = await db.Items.SingleAsync(i => i.Key == "handlekraft");
            handlekraft.ReviewBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10);
            await db.SaveChangesAsync();

            var translations = scope.ServiceProvider.GetRequiredService<TranslationEditor>();
            var faellesskab = await ItemAsync(scope, "faellesskab");
            var english = await translations.SaveAsync(faellesskab.Id, faellesskab.Version, new RevisionInput("Community", null, "Together.", "We work together."), "test", publish: true);
            Assert.True(english.Succeeded, string.Join(" ", english.Errors.Values));
        }

        var translated = await GaugesAsync();
        await _factory.PublishBodyAsync("faellesskab", "Fællesskab, skrevet om.");
        var after = await GaugesAsync();

        Assert.Equal(before.Reviews + 1, after.Reviews);
        Assert.Equal(translated.Translations + 1, after.Translations);
        Assert.Equal(before.Sessions + 1, after.Sessions);
    }

    private static async Task<Content.Model.ContentItem> ItemAsync(AsyncServiceScope scope, string key)
    {
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var id = await db.Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        return (await scope.ServiceProvider.GetRequiredService<ContentEditor>().FindAsync(id))!;
    }

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }
}
