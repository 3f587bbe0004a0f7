using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Medarbejdergrundlag.Oidc.Tests.Infrastructure;

/// <summary>
/// The real provider: tests/oidc-provider/provider.mjs (npm oidc-provider) as a child process on a
/// free loopback port. It prints its issuer on its first line and stops when its stdin closes.
/// </summary>
public sealed class OidcProviderProcess : IDisposable
{
    public const string ClientId = "medarbejdergrundlag";
    public const string Password = "test1234";

    private readonly Process _process;
    private readonly StringBuilder _errors;

    private OidcProviderProcess(Process process, StringBuilder errors, string issuer, string clientSecret)
    {
        _process = process;
        _errors = errors;
        Issuer = issuer;
        ClientSecret = clientSecret;
    }

    public string Issuer { get; }

    public string ClientSecret { get; }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static async Task<OidcProviderProcess> StartAsync(string portalUrl)
    {
        var folder = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "oidc-provider");
        if (!File.Exists(Path.Combine(folder, "node_modules", "oidc-provider", "package.json")))
        {
            throw new InvalidOperationException(
                "The test OpenID provider is not installed. tests/run.sh installs it (tests/setup/20-oidc-provider.sh: npm ci in tests/oidc-provider).");
        }

        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("node", "provider.mjs")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORTAL_URL"] = portalUrl;
        start.Environment["CLIENT_ID"] = ClientId;
        start.Environment["CLIENT_SECRET"] = secret;
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

        if (line is null)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The test OpenID provider did not start: " + errors);
        }

        var issuer = JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!;
        return new OidcProviderProcess(process, errors, issuer, secret);
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
