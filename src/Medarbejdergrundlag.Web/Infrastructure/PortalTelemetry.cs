using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content;
using Microsoft.AspNetCore.Http.Features;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// Traces and metrics through OpenTelemetry (docs/operations.md, "Telemetry"): exported by OTLP whenever
/// the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the other <c>OTEL_*</c> variables, protocol,
/// headers, service name and export interval, are the SDK's own), and scraped on <c>/metrics</c> from
/// loopback when <c>Telemetry:Prometheus:Enabled</c>. Neither set: nothing is collected.
/// The probes and the scrape are in neither traces nor request metrics, and no span carries a path, a
/// query, a client address, a user agent or a database statement (<see cref="PrivacyProcessor"/>).
/// </summary>
internal static class PortalTelemetry
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string PrometheusEnabledKey = "Telemetry:Prometheus:Enabled";
    public const string MetricsPath = "/metrics";
    public const string DefaultServiceName = "medarbejdergrundlag";

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var prometheus = configuration.GetValue(PrometheusEnabledKey, false);
        builder.Services.AddSingleton<PortalStateMetrics>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PortalStateMetrics>());
        builder.Services.Configure<PortalStateMetrics.Options>(o =>
        {
            o.Enabled = otlp || prometheus;
            o.Interval = configuration.GetValue("Telemetry:StateInterval", TimeSpan.FromMinutes(1));
        });
        builder.Services.AddSingleton<IStartupFilter>(new OperationalPaths(prometheus));
        if (!otlp && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME (and OTEL_RESOURCE_ATTRIBUTES) win; the SDK reads them itself.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(DefaultServiceName);
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(PortalMetrics.MeterName);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !OperationalPaths.IsOperational(context.Request.Path, prometheus))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddProcessor(new PrivacyProcessor())
                .AddOtlpExporter());
        }

        return builder;
    }

    /// <summary>
    /// Takes off every span what could name a person or carry a secret before it is exported: paths and
    /// queries (a search text, a consultation or calendar token), full URLs, client addresses, user
    /// agents and database statements. The route template (<c>http.route</c>) stays.
    /// </summary>
    internal sealed class PrivacyProcessor : BaseProcessor<Activity>
    {
        private static readonly string[] Removed =
        [
            "url.path", "url.query", "url.full", "http.url", "http.target", "client.address", "client.port",
            "network.peer.address", "network.peer.port", "user_agent.original", "http.user_agent",
            "db.statement", "db.query.text", "enduser.id",
        ];

        public override void OnEnd(Activity data)
        {
            foreach (var tag in Removed)
            {
                if (data.GetTagItem(tag) is not null)
                {
                    data.SetTag(tag, null);
                }
            }
        }
    }

    /// <summary>
    /// First in the pipeline: the probes and the scrape leave no request metrics, and <c>/metrics</c>
    /// answers (when enabled) to loopback only, before sign-in; from elsewhere it is an ordinary,
    /// signed-in path that does not exist.
    /// </summary>
    private sealed class OperationalPaths(bool prometheus) : IStartupFilter
    {
        public static bool IsOperational(PathString path, bool prometheus) =>
            path.StartsWithSegments("/health") || (prometheus && path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase));

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IsOperational(context.Request.Path, prometheus) && context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
                {
                    metrics.MetricsDisabled = true;
                }

                return nextMiddleware(context);
            });
            if (prometheus)
            {
                app.UseOpenTelemetryPrometheusScrapingEndpoint(
                    meterProvider: null,
                    predicate: context => context.Request.Path.Equals(MetricsPath, StringComparison.OrdinalIgnoreCase)
                        && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote),
                    path: null,
                    configureBranchedPipeline: null,
                    optionsName: null);
            }

            next(app);
        };
    }
}
