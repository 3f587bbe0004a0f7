using System.Diagnostics.Metrics;
using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The portal's gauges, counted from the database every <c>Telemetry:StateInterval</c> (a minute) while
/// telemetry is on, and observed from the last count: a scrape or an export never waits on the database.
/// These are whole-database figures, the same on every instance.
/// </summary>
internal sealed class PortalStateMetrics : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly IOptions<Options> _options;
    private readonly ILogger<PortalStateMetrics> _logger;
    private State? _state;

    public PortalStateMetrics(IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters, IOptions<Options> options, ILogger<PortalStateMetrics> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _options = options;
        _logger = logger;
        var meter = meters.Create(PortalMetrics.MeterName);
        meter.CreateObservableGauge("portal.reviews.overdue", () => Observe(s => s.ReviewsOverdue), "{item}",
            "Items not archived whose review date has passed.");
        meter.CreateObservableGauge("portal.translations.outdated", () => Observe(s => s.TranslationsOutdated), "{item}",
            "Published English translations made from an older Danish text than the one published now.");
        meter.CreateObservableGauge("portal.scheduled_publish.overdue", () => Observe(s => s.ScheduleOverdueSeconds), "s",
            "How long past its due time the oldest pending scheduled publish or archive is (0: none waiting). The lag histogram only sees runs that happen.");
        meter.CreateObservableGauge("portal.sessions.active", () => Observe(s => s.ActiveSessions), "{session}",
            "Sign-in sessions neither ended nor expired.");
    }

    public sealed class Options
    {
        public bool Enabled { get; set; }

        public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    }

    private sealed record State(int ReviewsOverdue, int TranslationsOutdated, int ActiveSessions, double ScheduleOverdueSeconds);

    private IEnumerable<Measurement<T>> Observe<T>(Func<State, T> value) where T : struct =>
        _state is { } state ? [new Measurement<T>(value(state))] : [];

    /// <summary>Counts again now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();
        var today = reviews.Today;
        var overdue = (await reviews.DueAsync()).Count(r => r.Overdue(today));
        var outdated = await db.Items.AsNoTracking()
            .Where(i => !i.IsArchived && i.PublishedRevisionId != null && i.PublishedEnglishRevision!.TranslatedFromRevisionId != null &&
                        i.PublishedEnglishRevision.TranslatedFromRevisionId != i.PublishedRevisionId)
            .CountAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.EndedAt == null && s.ExpiresAt > now && s.AbsoluteExpiresAt > now)
            .CountAsync(cancellationToken);
        var oldestDue = await db.ScheduledActions.AsNoTracking()
            .Where(s => s.State == ScheduleState.Pending && s.DueAt <= now)
            .OrderBy(s => s.DueAt)
            .Select(s => (DateTime?)s.DueAt)
            .FirstOrDefaultAsync(cancellationToken);
        _state = new State(overdue, outdated, sessions, oldestDue is { } due ? (now - due).TotalSeconds : 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database outage: the gauges keep their last figures, and readiness says what is wrong.
                _logger.LogWarning(ex, "Counting the portal's state for its metrics failed");
            }

            try
            {
                await Task.Delay(_options.Value.Interval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
