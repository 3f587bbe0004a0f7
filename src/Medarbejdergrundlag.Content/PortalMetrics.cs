using System.Diagnostics.Metrics;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;

namespace Medarbejdergrundlag.Content;

/// <summary>
/// The portal's own metrics, on the meter <see cref="MeterName"/> (OpenTelemetry exports it by OTLP and
/// on /metrics; docs/operations.md lists them). Event sites call one method each. Labels are bounded:
/// a result, an outcome or a content kind, never an id, a name, an address or a search text.
/// The gauges (reviews overdue, translations behind, active sessions) are observed per host by the web
/// project's <c>PortalStateMetrics</c>, on a meter of the same name.
/// </summary>
public static class PortalMetrics
{
    public const string MeterName = "Medarbejdergrundlag.Portal";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> PublishCounter = Meter.CreateCounter<long>(
        "portal.publishes", "{publish}", "Publishes asked for, by result (published, refused, conflict, not_found) and trigger (editor, schedule).");

    private static readonly Histogram<double> ScheduleLag = Meter.CreateHistogram<double>(
        "portal.scheduled_publish.lag", "s", "How long after its due time a scheduled publish or archive committed.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900] });

    private static readonly Counter<long> ConfirmationCounter = Meter.CreateCounter<long>(
        "portal.confirmations", "{confirmation}", "Confirmations of the charter stored.");

    private static readonly Counter<long> ImportRowCounter = Meter.CreateCounter<long>(
        "portal.import.rows", "{row}", "Spreadsheet rows of course imports, by outcome (imported, refused).");

    private static readonly Counter<long> PageCacheCounter = Meter.CreateCounter<long>(
        "portal.page_cache.requests", "{request}", "Signed-in page requests the whole-page cache answered (hit) or rendered (miss).");

    private static readonly Counter<long> NotificationCounter = Meter.CreateCounter<long>(
        "portal.notifications", "{notification}", "Notification attempts of material changes, by channel (email, webhook) and result (sent, failed).");

    /// <summary>Counts the publish <paramref name="publish"/> ends in, and hands its result on.</summary>
    public static async Task<EditResult> CountPublish(Task<EditResult> publish, bool scheduled = false)
    {
        var result = await publish;
        var outcome = result.Outcome switch
        {
            EditOutcome.Done => "published",
            EditOutcome.Invalid or EditOutcome.Refused => "refused",
            EditOutcome.Conflict => "conflict",
            _ => "not_found",
        };
        PublishCounter.Add(1, new("result", outcome), new("trigger", scheduled ? "schedule" : "editor"));
        return result;
    }

    /// <summary>A scheduled publish or archive committed <paramref name="lag"/> after it was due.</summary>
    public static void ScheduledRun(ScheduledActionKind kind, TimeSpan lag) =>
        ScheduleLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("kind", kind == ScheduledActionKind.Publish ? "publish" : "archive"));

    public static void Confirmation() => ConfirmationCounter.Add(1);

    public static void ImportRows(int rows, bool imported)
    {
        if (rows > 0)
        {
            ImportRowCounter.Add(rows, new KeyValuePair<string, object?>("outcome", imported ? "imported" : "refused"));
        }
    }

    public static void PageCache(bool hit) => PageCacheCounter.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>A notification attempt on <paramref name="channel"/> ("email" or "webhook") went out or failed.</summary>
    public static void Notification(string channel, bool sent) =>
        NotificationCounter.Add(1, new("channel", channel == "email" ? "email" : "webhook"), new("result", sent ? "sent" : "failed"));
}
