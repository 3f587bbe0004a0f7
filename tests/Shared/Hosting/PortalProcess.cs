using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Medarbejdergrundlag.Tests.Hosting;

/// <summary>
/// The portal as a real process: `dotnet Medarbejdergrundlag.Web.dll` on Kestrel, on a free
/// loopback port, with its own HOME (so nothing is shared through the file system) and its
/// configuration in environment variables, as a server would run it.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly string _home;

    private PortalProcess(Process process, string home, Uri address)
    {
        _process = process;
        _home = home;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The operating system's process id (for reading its memory from /proc).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Every line the process wrote to standard output so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <param name="listenHost">the address Kestrel binds to; the tests always call it on 127.0.0.1.</param>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Development",
        string listenHost = "127.0.0.1")
    {
        var port = FreePort();
        var home = Path.Combine(Path.GetTempPath(), "mg-tests", "home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "Medarbejdergrundlag.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = $"http://{listenHost}:{port}";
        start.Environment["HOME"] = home;

        // Tests count content, so the development example courses stay out, as in PortalFactory.
        start.Environment["Phoenix__ExampleCourses"] = "false";
        if (environment == "Production")
        {
            // Production refuses to build links from the Host header, so it needs the portal's address.
            start.Environment["Portal__PublicBaseUrl"] = "https://medarbejdergrundlag.test";
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(process, home, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => portal.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Collect(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await portal.WaitUntilLiveAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }

        return portal;
    }

    /// <summary>Runs the app once with command-line arguments (no server) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "Medarbejdergrundlag.Web.dll"), .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Phoenix__ExampleCourses"] = "false";

        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within 60 s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A client for this instance that keeps no cookies, so a test decides what it sends.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{string.Join('\n', Output)}");
            }

            try
            {
                if ((await client.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal did not start within 60 s:\n{string.Join('\n', Output)}");
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
