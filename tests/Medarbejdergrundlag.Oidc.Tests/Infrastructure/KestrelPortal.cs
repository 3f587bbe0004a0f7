using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Medarbejdergrundlag.Oidc.Tests.Infrastructure;

/// <summary>The real app on real Kestrel on a loopback port, for a real browser, on a fresh SQLite file.</summary>
public sealed class KestrelPortal : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public KestrelPortal(int port, Dictionary<string, string?> settings)
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "mg-oidc-tests", Guid.NewGuid().ToString("N"));
        _settings = new(settings, StringComparer.OrdinalIgnoreCase) { ["Database:DataFolder"] = DataFolder };
        UseKestrel(port);
    }

    public string DataFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
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
                // A leftover temp folder is harmless.
            }
        }
    }
}
