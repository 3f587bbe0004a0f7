using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>
/// How many admin requests run at once. The admin pages are made per editor and cannot be cached
/// like the reading pages: the overview with a hundred courses allocates about 1 MB per view. A
/// burst of them (an editor's browser with many tabs, a script) once added 70 MB to the portal's
/// peak memory in the load benchmark (issue 18), and the readers pay for that too. So at most
/// <see cref="AdminConcurrencyOptions.PermitLimit"/> run at a time and the rest wait their turn,
/// oldest first, which costs a waiting request next to nothing; on two cores the editors got more
/// throughput, not less (219 to 250 req/s against 168 to 200). Only past
/// <see cref="AdminConcurrencyOptions.QueueLimit"/> waiting requests is one turned away, with a 503,
/// a Retry-After and the Danish "travlt" page. A refused request never reached its handler, so
/// nothing was saved or changed.
/// </summary>
public static class AdminConcurrency
{
    public const string Policy = "admin";

    /// <summary>Set on a request that was turned away, for the error page's wording.</summary>
    public static readonly object BusyKey = new();

    public const string RetryAfterSeconds = "5";

    public static IServiceCollection AddAdminConcurrency(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AdminConcurrencyOptions.Section).Get<AdminConcurrencyOptions>() ?? new();
        return services.AddRateLimiter(limiter =>
        {
            limiter.AddConcurrencyLimiter(Policy, o =>
            {
                o.PermitLimit = options.PermitLimit;
                o.QueueLimit = options.QueueLimit;
                o.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                // UseStatusCodePagesWithReExecute renders /fejl/503, which reads this to say why.
                context.HttpContext.Items[BusyKey] = true;
                context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
                return ValueTask.CompletedTask;
            };
        });
    }

    /// <summary>Every page of the admin area takes a turn (the Markdown preview endpoint asks for one itself).</summary>
    public static void LimitAdminConcurrency(this PageConventionCollection conventions) =>
        conventions.AddAreaFolderApplicationModelConvention("Admin", "/", model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(Policy)));

    /// <summary>True when the request was turned away by the limit, not by a database outage.</summary>
    public static bool WasTurnedAway(HttpContext context) => context.Items.ContainsKey(BusyKey);
}

/// <summary>Configuration section "Admin:Concurrency".</summary>
public sealed class AdminConcurrencyOptions
{
    public const string Section = "Admin:Concurrency";

    /// <summary>
    /// Admin requests running at once: one per core, at least two. Making an admin page is CPU work
    /// with short database waits; on the 2-core benchmark machine two at a time gave the admin
    /// overview more throughput than four (250 against 231 req/s at 64 connections) and 14 MB less
    /// peak RSS.
    /// </summary>
    public int PermitLimit { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Admin requests waiting for a turn before more are turned away.</summary>
    public int QueueLimit { get; set; } = 500;
}
