using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>
/// Deletes confirmations older than <see cref="ConfirmationOptions.Retention"/>, at start and then every
/// <see cref="ConfirmationOptions.CleanupInterval"/>. Every instance may run it: deleting by age twice deletes nothing twice.
/// </summary>
public sealed class ConfirmationRetention(IServiceScopeFactory scopes, IOptions<ConfirmationOptions> options, TimeProvider clock, ILogger<ConfirmationRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            await CleanUpAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many confirmations it deleted.</summary>
    public async Task<int> CleanUpAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
            var deleted = await scope.ServiceProvider.GetRequiredService<CharterConfirmations>().DeleteOlderThanAsync(cutoff, cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Deleted {Count} confirmations made before {Cutoff:o} (retention {Retention}).", deleted, cutoff, options.Value.Retention);
            }

            return deleted;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database may be down for a while; the next pass tries again.
            logger.LogWarning(exception, "Could not delete old confirmations; trying again in {Interval}.", options.Value.CleanupInterval);
            return 0;
        }
    }
}
