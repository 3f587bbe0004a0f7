using System.Collections.Concurrent;
using System.IO.Compression;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Proto.Collector.Metrics.V1;
using OpenTelemetry.Proto.Collector.Trace.V1;

namespace Medarbejdergrundlag.Web.Tests.Operations.Otlp;

/// <summary>
/// An OTLP/HTTP receiver on a free loopback port, as a collector answers: <c>POST /v1/traces</c> and
/// <c>/v1/metrics</c> with protobuf bodies, decoded with the types compiled from the OpenTelemetry
/// .proto files beside this file. It keeps every body as received, for the privacy grep, and decoded.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<ExportTraceServiceRequest> Traces { get; } = new();

    public ConcurrentQueue<ExportMetricsServiceRequest> Metrics { get; } = new();

    /// <summary>Every request body, decompressed, exactly as the exporter sent it.</summary>
    public ConcurrentQueue<byte[]> Bodies { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", async context =>
        {
            var body = await receiver.ReadAsync(context);
            receiver.Traces.Enqueue(ExportTraceServiceRequest.Parser.ParseFrom(body));
            await RespondAsync(context, new ExportTraceServiceResponse());
        });
        app.MapPost("/v1/metrics", async context =>
        {
            var body = await receiver.ReadAsync(context);
            receiver.Metrics.Enqueue(ExportMetricsServiceRequest.Parser.ParseFrom(body));
            await RespondAsync(context, new ExportMetricsServiceResponse());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = address.TrimEnd('/');
        return receiver;
    }

    private async Task<byte[]> ReadAsync(HttpContext context)
    {
        Stream body = context.Request.Body;
        if (context.Request.Headers.ContentEncoding == "gzip")
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        Bodies.Enqueue(bytes);
        return bytes;
    }

    private static async Task RespondAsync(HttpContext context, IMessage response)
    {
        context.Response.ContentType = "application/x-protobuf";
        await context.Response.Body.WriteAsync(response.ToByteArray());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
