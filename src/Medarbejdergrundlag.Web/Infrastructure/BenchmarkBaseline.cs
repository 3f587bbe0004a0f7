using Microsoft.Extensions.FileProviders;

namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// The load benchmark's yardstick: the same app, with the same middleware in front, serving the
/// rendered charter as a plain file from <see cref="Setting"/> under <see cref="Path"/>, anonymously.
/// tests/load/run.sh compares every page with it. Never in Production.
/// </summary>
internal static class BenchmarkBaseline
{
    public const string Setting = "Benchmark:StaticFolder";

    public const string Path = "/_benchmark-static";

    public static void UseBenchmarkBaseline(this WebApplication app)
    {
        var folder = app.Configuration[Setting];
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        if (app.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                $"{Setting} is for the load benchmark only and is not allowed in Production: it serves a folder of files " +
                "to anyone, unsigned. Remove the setting (Benchmark__StaticFolder) from the production configuration.");
        }

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(System.IO.Path.GetFullPath(folder)),
            RequestPath = Path,
        });
    }
}
