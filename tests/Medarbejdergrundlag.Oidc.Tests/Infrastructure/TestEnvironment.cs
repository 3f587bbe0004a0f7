using System.Net;
using System.Net.Sockets;

namespace Medarbejdergrundlag.Oidc.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Chromium => Environment.GetEnvironmentVariable("MG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Medarbejdergrundlag.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Medarbejdergrundlag.sln not found above " + AppContext.BaseDirectory);
    }
}
