using System.Security.Claims;
using System.Text.Json;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// Structured logs: one JSON object per line on the console in Production, for the log
/// collector. The only personal data in them is the signed-in user's id (the sign-in's
/// NameIdentifier), attached as the <c>UserId</c> scope; never names, e-mail addresses or IPs.
/// </summary>
internal static class PortalLogging
{
    public const string UserIdScope = "UserId";

    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.UseUtcTimestamp = true;
                options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
    }

    /// <summary>Place after UseAuthentication: everything logged for a request carries who made it, by id only.</summary>
    public static IApplicationBuilder UseUserIdLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Medarbejdergrundlag.Web.Requests");
        return app.Use(async (context, next) =>
        {
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null)
            {
                await next(context);
                return;
            }

            using (logger.BeginScope(new Dictionary<string, object> { [UserIdScope] = userId }))
            {
                await next(context);
            }
        });
    }
}
