using Medarbejdergrundlag.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>
/// Watches the database for sessions ended by any instance (sign-out, back-channel logout) and
/// forgets them here within a second; now and then it also drops expired sessions from memory and
/// from the table.
/// </summary>
public sealed class SessionEndWatcher(IDbContextFactory<ContentDbContext> dbFactory, SessionStore store, TimeProvider clock, ILogger<SessionEndWatcher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTime? seen = null;
        var lastTrim = DateTime.MinValue;
        var failing = false;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                if (seen is null)
                {
                    seen = await db.UserSessions.MaxAsync(s => s.EndedAt, stoppingToken) ?? DateTime.MinValue;
                    continue;
                }

                // A little overlap: two instances' ends can commit out of order within the same moment.
                var since = seen.Value == DateTime.MinValue ? seen.Value : seen.Value.AddSeconds(-5);
                var ended = await db.UserSessions.Where(s => s.EndedAt >= since)
                    .Select(s => new { s.Id, s.EndedAt }).ToListAsync(stoppingToken);
                if (ended.Count > 0)
                {
                    store.Forget(ended.Select(e => e.Id));
                    seen = ended.Max(e => e.EndedAt);
                }

                var now = clock.GetUtcNow().UtcDateTime;
                if (now - lastTrim > TimeSpan.FromMinutes(10))
                {
                    lastTrim = now;
                    store.Trim();
                    // Kept a day past their end, so a late look at "your sessions" still makes sense.
                    var old = now.AddDays(-1);
                    await db.UserSessions.Where(s => s.AbsoluteExpiresAt < old || s.ExpiresAt < old || s.EndedAt < old)
                        .ExecuteDeleteAsync(stoppingToken);
                }

                failing = false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down for a while (see the outage page); keep watching, and say so once.
                if (!failing)
                {
                    logger.LogWarning(exception, "Could not read ended sessions from the database; trying again every second.");
                }

                failing = true;
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
