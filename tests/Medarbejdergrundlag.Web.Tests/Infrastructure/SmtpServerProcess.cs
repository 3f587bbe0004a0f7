using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Medarbejdergrundlag.Tests.Shared;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server: tests/smtp-server/server.mjs (npm smtp-server) as a child process on a loopback
/// port. It prints each message it receives as a JSON line, and stops when its stdin closes.
/// </summary>
public sealed class SmtpServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<ReceivedMail> _messages = [];
    private readonly StringBuilder _errors = new();

    private SmtpServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>A loopback port nobody listens on now (for a server that is "down", then started there).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<SmtpServerProcess> StartAsync(int port = 0)
    {
        var folder = Path.Combine(Repository.Root, "tests", "smtp-server");
        if (!File.Exists(Path.Combine(folder, "node_modules", "smtp-server", "package.json")))
        {
            throw new InvalidOperationException(
                "The test SMTP server is not installed. tests/run.sh installs it (tests/setup/23-smtp-server.sh: npm ci in tests/smtp-server).");
        }

        var start = new ProcessStartInfo("node", ["server.mjs", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The test SMTP server did not start: " + errors);
        }

        var server = new SmtpServerProcess(process, int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        _ = server.ReadMessagesAsync();
        return server;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have come, or the time is up; returns what came.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (Messages.Count < count && watch.Elapsed < within)
        {
            await Task.Delay(50);
        }

        return Messages;
    }

    private async Task ReadMessagesAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            var json = JsonDocument.Parse(line).RootElement;
            var mail = new ReceivedMail(
                json.GetProperty("from").GetString() ?? "",
                [.. json.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "")],
                json.GetProperty("data").GetString() ?? "");
            lock (_messages)
            {
                _messages.Add(mail);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}

/// <summary>One message as the server received it: the envelope and the raw MIME text.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Data)
{
    /// <summary>The decoded message (subject and body), read with MimeKit.</summary>
    public MimeKit.MimeMessage Parsed => MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
}
