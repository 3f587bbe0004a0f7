using System.Data.Common;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// When the database is away and a page has nothing to show, the reader gets the Danish
/// "midlertidigt utilgængelig" page with a 503, never an exception page. Pages that have their
/// content in memory keep serving it (see PublishedContentStore), so most readers see no outage.
/// </summary>
internal static class DatabaseOutage
{
    public const string RetryAfterSeconds = "10";

    /// <summary>Place after UseStatusCodePagesWithReExecute, which then renders /fejl/503.</summary>
    public static IApplicationBuilder UseDatabaseOutagePage(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseOutage).FullName!);
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (IsOutage(ex) && !context.Response.HasStarted)
            {
                logger.LogWarning("The database is unavailable; answered {Path} with 503: {Error}",
                    context.Request.Path.Value, Innermost(ex).Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds;
            }
        });
    }

    /// <summary>True for a database that cannot be reached now, as opposed to a bug.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is ContentUnavailableException or TimeoutException or DbException { IsTransient: true } || IsSqlServerOutage(ex))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// SqlClient does not mark its exceptions transient. Severity 20 and above is a broken or
    /// refused connection (a server that is down answers "error 0, class 20"); the SQL Server
    /// provider's own list of error numbers (what its retrying strategy retries) covers the rest.
    /// </summary>
#pragma warning disable EF1001 // An internal EF API: the list is EF's to keep, and better kept there than copied here.
    private static bool IsSqlServerOutage(Exception ex) =>
        ex is Microsoft.Data.SqlClient.SqlException sql &&
        (sql.Class >= 20 || Microsoft.EntityFrameworkCore.SqlServer.Storage.Internal.SqlServerTransientExceptionDetector.ShouldRetryOn(ex));
#pragma warning restore EF1001

    private static Exception Innermost(Exception ex) => ex.InnerException is null ? ex : Innermost(ex.InnerException);
}
