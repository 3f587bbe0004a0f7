using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Medarbejdergrundlag.Web.Infrastructure;

internal static class HealthChecks
{
    private const string ReadyTag = "ready";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddPortalHealthChecks(this IServiceCollection services)
    {
        // The timeout keeps /health/ready answering (503) within seconds when the database hangs.
        services.AddHealthChecks().AddCheck<DatabaseMigratedCheck>("database", tags: [ReadyTag], timeout: ReadyTimeout)
            .AddCheck<ScheduleWorkerCheck>("schedule-worker", tags: [ReadyTag]);
        return services;
    }

    public static void MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process answers; nothing external is checked, so a database outage never restarts it.
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
    }

    /// <summary>Unhealthy when the schedule worker has not polled for twice its interval: scheduled publishes would wait unseen.</summary>
    private sealed class ScheduleWorkerCheck(ScheduleHeartbeat heartbeat) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(heartbeat.SinceLastPoll <= ScheduleHeartbeat.Allowed
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The schedule worker has not polled for {heartbeat.SinceLastPoll.TotalSeconds:F0} s."));
    }

    private sealed class DatabaseMigratedCheck(IDbContextFactory<ContentDbContext> dbFactory) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                if (!await db.Database.CanConnectAsync(cancellationToken))
                {
                    return HealthCheckResult.Unhealthy("The database does not answer.");
                }

                var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
                return pending.Any()
                    ? HealthCheckResult.Unhealthy("The database lacks migrations.")
                    : HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database check failed.", ex);
            }
        }
    }
}
