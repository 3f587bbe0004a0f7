using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// The real app on real Kestrel, on a free loopback port, with its own SQLite file in a temporary
/// folder: the browser talks HTTP to it like it would to the production server.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string ContactEmail = "tilgaengelighed@example.org";
    public const string ContactPhone = "65 51 00 00";

    public PortalServer()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "mg-browser-tests", Guid.NewGuid().ToString("N"));
        UseKestrel(0);
    }

    public string DataFolder { get; }

    /// <summary>The server's origin, e.g. http://127.0.0.1:41234, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        // Prefer the IPv4 loopback address: the browser then needs no name resolution at all.
        var address = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal)) ?? addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string Url(string path) => BaseUrl + path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Accessibility:ContactEmail", ContactEmail);
        builder.UseSetting("Accessibility:ContactPhone", ContactPhone);
        // The courses the journeys need are imported by the fixture, through the admin page (TestCourses).
        builder.UseSetting("Phoenix:ExampleCourses", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a test over clean-up.
            }
        }
    }
}
