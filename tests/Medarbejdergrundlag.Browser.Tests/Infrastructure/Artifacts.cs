using System.Globalization;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// Where a test run leaves files for people to look at: SCREENSHOT_DIR if set, otherwise
/// TestResults/screenshots/&lt;timestamp&gt; at the repository root (ignored by git).
/// </summary>
public static class Artifacts
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var configured = Environment.GetEnvironmentVariable("SCREENSHOT_DIR");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot(), "TestResults", "screenshots", DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture))
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string Root => Folder.Value;

    public static string PathFor(string fileName) => Path.Combine(Folder.Value, fileName);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medarbejdergrundlag.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }
}
