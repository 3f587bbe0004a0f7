using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Tests.Shared;
using Google.Protobuf;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Medarbejdergrundlag.Web.Tests.Operations.Otlp;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Proto.Common.V1;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>
/// The telemetry tests read process-wide meters and activity sources, so nothing else runs meanwhile
/// (another test's publishes would move the counters they count).
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// OpenTelemetry from a running portal (a real `dotnet` process) into a real OTLP receiver, with a
/// reader signed in through OpenID Connect whose name, e-mail and subject id must appear nowhere in it;
/// the Prometheus scrape; and readiness when the schedule worker stops.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests(ITestOutputHelper output)
{
    private const string Subject = "subj-5f0c2b7e-otel";
    private const string Name = "Gudrun Telemetrisen";
    private const string Email = "gudrun.telemetrisen@odense.example";

    [Fact]
    public async Task TracesAndMetricsReachAnOtlpReceiverAndCarryNoNameEmailSubjectOrQueryText()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var issuer = await TokenIssuer.StartAsync();
        using var database = PortalDatabase.Create();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Authentication:Oidc:Authority"] = issuer.Issuer,
            ["Authentication:Oidc:ClientId"] = TokenIssuer.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TokenIssuer.ClientSecret,
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            ["Authentication:Oidc:RoleClaim"] = "groups",
            ["Authentication:Oidc:EditorValues:0"] = "hr-redaktoerer",
            // The standard variables only: nothing portal-specific switches OTLP on.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "medarbejdergrundlag-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        };
        await using var portal = await PortalProcess.StartAsync(settings);
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = portal.Address,
        };

        await SignInAsync(client, issuer);
        foreach (var path in new[]
                 {
                     "/", "/", "/medarbejdergrundlag", "/pejlemaerker/mod", "/admin", "/konto/sessioner",
                     "/soeg?q=" + Uri.EscapeDataString(Name), "/soeg?q=" + Uri.EscapeDataString(Email), "/soeg?q=" + Subject,
                     "/health/live", "/health/ready",
                 })
        {
            var response = await client.GetAsync(path);
            output.WriteLine($"{path}: {(int)response.StatusCode}");
        }

        await WaitForAsync(() => Spans(receiver).Any(s => Attribute(s.Attributes, "http.route") == "soeg")
                                 && MetricNames(receiver).Contains("http.server.request.duration")
                                 && MetricNames(receiver).Contains("portal.page_cache.requests"),
            "a search span and the request and page-cache metrics");

        // Traces: server spans with their route, client spans to the provider, database spans.
        var spans = Spans(receiver).ToList();
        Assert.Contains(spans, s => s.Kind == OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server && Attribute(s.Attributes, "http.route") == "medarbejdergrundlag");
        Assert.Contains(spans, s => s.Kind == OpenTelemetry.Proto.Trace.V1.Span.Types.SpanKind.Client && Attribute(s.Attributes, "server.address") == "127.0.0.1");
        Assert.Contains(spans, s => Attribute(s.Attributes, "db.system") is not null || Attribute(s.Attributes, "db.system.name") is not null);
        Assert.All(receiver.Traces.SelectMany(t => t.ResourceSpans), r => Assert.Equal("medarbejdergrundlag-test", Attribute(r.Resource.Attributes, "service.name")));
        // The probes are in neither traces nor request metrics; no span keeps a path, a query or a statement.
        Assert.DoesNotContain(spans, s => (Attribute(s.Attributes, "http.route") ?? "").StartsWith("health", StringComparison.Ordinal) || s.Name.Contains("health", StringComparison.Ordinal));
        Assert.DoesNotContain(RequestDurationRoutes(receiver), r => r.StartsWith("health", StringComparison.Ordinal));
        Assert.Contains("medarbejdergrundlag", RequestDurationRoutes(receiver));
        foreach (var removed in new[] { "url.path", "url.query", "url.full", "client.address", "user_agent.original", "db.statement", "db.query.text" })
        {
            Assert.DoesNotContain(spans, s => s.Attributes.Any(a => a.Key == removed));
        }

        // The grep: every byte exported, and every decoded message, for the reader and the query text.
        Assert.NotEmpty(receiver.Bodies);
        var everything = string.Join("\n", receiver.Bodies.Select(b => Encoding.UTF8.GetString(b)))
            + string.Join("\n", receiver.Traces.Select(t => JsonFormatter.Default.Format(t)))
            + string.Join("\n", receiver.Metrics.Select(m => JsonFormatter.Default.Format(m)));
        output.WriteLine($"{receiver.Bodies.Count} OTLP requests, {spans.Count} spans, {everything.Length:N0} characters searched");
        foreach (var needle in new[] { Name, Email, Subject, "Telemetrisen", "Gudrun", "subj-5f0c2b7e" })
        {
            Assert.DoesNotContain(needle, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task TheScrapeEndpointAnswersOnLoopbackWithTheRequestAndPortalMetrics()
    {
        using var database = PortalDatabase.Create();
        var settings = new Dictionary<string, string?>(database.Settings) { ["Telemetry:Prometheus:Enabled"] = "true" };
        await using var portal = await PortalProcess.StartAsync(settings);
        using var client = portal.CreateClient();
        var cookie = await PersonaSignIn.SessionCookieAsync(client);
        await client.GetWithCookieAsync("/pejlemaerker/mod", cookie);
        await client.GetWithCookieAsync("/pejlemaerker/mod", cookie);
        await client.GetAsync("/health/ready");

        var scrape = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var text = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("portal_page_cache_requests_total{", text);
        Assert.Contains("result=\"hit\"", text);
        Assert.Contains("dotnet_gc_collections_total", text);
        Assert.DoesNotContain("http_route=\"health", text);
        Assert.DoesNotContain("http_route=\"metrics", text);

        // Every metric the dashboard and the alert rules query is one the portal exposes: in this scrape,
        // or (counted only once its event happens) one of the event metrics the MeterListener test moves.
        var exposed = Regex.Matches(text, @"^# TYPE (\S+) ", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
            .Concat(["portal_publishes_total", "portal_scheduled_publish_lag_seconds", "portal_confirmations_total", "portal_import_rows_total"])
            .ToHashSet();
        var queried = Regex.Matches(File.ReadAllText(Path.Combine(Repository.Root, "docs", "monitoring", "grafana-dashboard.json"))
                                    + File.ReadAllText(Path.Combine(Repository.Root, "docs", "monitoring", "prometheus-alerts.yml")),
                @"\b((?:portal|http_server|dotnet)_[a-z_]+)").Select(m => Regex.Replace(m.Groups[1].Value, "_(bucket|count|sum)$", ""))
            .ToHashSet();
        Assert.True(queried.Count >= 10, string.Join(", ", queried));
        Assert.Empty(queried.Except(exposed));
    }

    [Fact]
    public void TheDashboardIsInGrafanasSchemaWithItsOwnPanelTypesAndTheAlertRulesAreTheThreeAsked()
    {
        using var dashboard = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "monitoring", "grafana-dashboard.json")));
        var root = dashboard.RootElement;
        Assert.Equal(39, root.GetProperty("schemaVersion").GetInt32());
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        Assert.All(panels, p => Assert.Contains(p.GetProperty("type").GetString(), new[] { "row", "timeseries", "stat" }));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        Assert.All(panels.Where(p => p.GetProperty("type").GetString() != "row"), p => Assert.Contains(p.GetProperty("targets").EnumerateArray(),
            t => !string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString())));

        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repository.Root, "docs", "monitoring", "prometheus-alerts.yml"))));
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)((YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode)["groups"])
            .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .SelectMany(g => (YamlDotNet.RepresentationModel.YamlSequenceNode)g["rules"]).Cast<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .ToDictionary(r => r["alert"].ToString(), r => (Expr: r["expr"].ToString(), For: r.Children.TryGetValue("for", out var f) ? f.ToString() : null));
        Assert.Contains("/health/ready", File.ReadAllText(Path.Combine(Repository.Root, "docs", "monitoring", "prometheus-alerts.yml")));
        Assert.Contains("probe_success", rules["MedarbejdergrundlagNotReady"].Expr);
        Assert.Equal("5m", rules["MedarbejdergrundlagServerErrors"].For);
        Assert.Contains("> 0.01", rules["MedarbejdergrundlagServerErrors"].Expr);
        Assert.Contains("> 300", rules["MedarbejdergrundlagScheduledPublishLate"].Expr);
        Assert.Contains("le=\"300\"", rules["MedarbejdergrundlagScheduledPublishRanLate"].Expr);
    }

    [Fact]
    public async Task TheScrapeEndpointIsNotServedToAnAddressOtherThanLoopback()
    {
        // The test server's requests come from no address at all: not loopback, so /metrics is an
        // ordinary signed-in path there, and an anonymous request is sent to sign in.
        using var factory = new PortalFactory().With("Telemetry:Prometheus:Enabled", "true");
        using var client = factory.CreatePlainClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/log-ind", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ReadinessFailsWhenTheScheduleWorkerHasStoppedWhileLivenessStaysUp()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        await Task.Delay(ScheduleHeartbeat.Allowed * 1.5);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var worker = factory.Services.GetServices<IHostedService>().OfType<ScheduleWorker>().Single();
        await worker.StopAsync(CancellationToken.None);
        await Task.Delay(ScheduleHeartbeat.Allowed + TimeSpan.FromSeconds(1));

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static async Task SignInAsync(HttpClient client, TokenIssuer issuer)
    {
        var challenge = await TokenIssuer.ChallengeAsync(client, "/");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var idToken = issuer.Mint(query["nonce"]!, change: d =>
        {
            d.Claims["sub"] = Subject;
            d.Claims["name"] = Name;
            d.Claims["email"] = Email;
            d.Claims["groups"] = new[] { "hr-redaktoerer" };
        });
        var code = issuer.IssueCode(idToken, query["code_challenge"]!);
        var callback = await client.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        Assert.Contains(Name, await client.GetStringAsync("/admin"));
    }

    private static IEnumerable<OpenTelemetry.Proto.Trace.V1.Span> Spans(OtlpReceiver receiver) =>
        receiver.Traces.SelectMany(t => t.ResourceSpans).SelectMany(r => r.ScopeSpans).SelectMany(s => s.Spans);

    private static HashSet<string> MetricNames(OtlpReceiver receiver) =>
        receiver.Metrics.SelectMany(m => m.ResourceMetrics).SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics).Select(m => m.Name).ToHashSet();

    private static HashSet<string> RequestDurationRoutes(OtlpReceiver receiver) =>
        receiver.Metrics.SelectMany(m => m.ResourceMetrics).SelectMany(r => r.ScopeMetrics).SelectMany(s => s.Metrics)
            .Where(m => m.Name == "http.server.request.duration")
            .SelectMany(m => m.Histogram.DataPoints)
            .Select(p => Attribute(p.Attributes, "http.route") ?? "")
            .ToHashSet();

    private static string? Attribute(IEnumerable<KeyValue> attributes, string key) =>
        attributes.FirstOrDefault(a => a.Key == key)?.Value.StringValue;

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"Waited 30 s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
