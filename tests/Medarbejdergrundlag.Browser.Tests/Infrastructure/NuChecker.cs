using System.Diagnostics;
using System.Text.Json;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>One message of the Nu HTML checker about one document.</summary>
public sealed record NuMessage(string Document, string Type, int Line, string Message, string Extract)
{
    public override string ToString() => $"{Document}:{Line}: {Type}: {Message} [{Extract.Trim()}]";
}

/// <summary>
/// The Nu HTML checker (vnu.jar, the checker behind validator.w3.org/nu) run locally on Java.
/// Every document of a batch is written to a temporary folder and checked by one run of the JVM,
/// which is what takes time (a few seconds); the documents themselves are fast.
/// tests/setup/30-vnu.sh installs Java and the npm package vnu-jar and sets MG_VNU_JAR.
/// </summary>
public static class NuChecker
{
    /// <summary>Checks the documents (name to HTML) and returns the errors and warnings for each, by name.</summary>
    public static async Task<IReadOnlyList<NuMessage>> CheckAsync(IReadOnlyDictionary<string, string> documents)
    {
        var folder = Directory.CreateTempSubdirectory("mg-vnu-");
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var files = new List<string>();
            foreach (var (name, html) in documents)
            {
                var file = Path.Combine(folder.FullName, $"{names.Count:D4}.html");
                await File.WriteAllTextAsync(file, html);
                names[Path.GetFileName(file)] = name;
                files.Add(file);
            }

            var start = new ProcessStartInfo("java")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-Xss1m", "-jar", JarPath(), "--format", "json", "--stdout", "--exit-zero-always" }.Concat(files))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"vnu.jar exited with {process.ExitCode}: {await stderr}");
            }

            using var json = JsonDocument.Parse(await stdout);
            return json.RootElement.GetProperty("messages").EnumerateArray().Select(m => new NuMessage(
                    m.TryGetProperty("url", out var url) && names.TryGetValue(FileName(url.GetString()), out var name) ? name : url.ToString(),
                    Type(m),
                    m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    m.GetProperty("message").GetString() ?? "",
                    m.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""))
                .ToList();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>"error", "warning" or "info"; a document the checker could not read at all counts as an error.</summary>
    private static string Type(JsonElement message)
    {
        var type = message.GetProperty("type").GetString();
        return type switch
        {
            "info" when message.TryGetProperty("subType", out var sub) && sub.GetString() == "warning" => "warning",
            "non-document-error" => "error",
            _ => type ?? "error",
        };
    }

    // vnu reports "file:/tmp/mg-vnu-x/0001.html"; the file's own name is enough to find the document.
    private static string FileName(string? url) =>
        url is null ? "" : url[(url.LastIndexOf('/') + 1)..];

    private static string JarPath()
    {
        if (Environment.GetEnvironmentVariable("MG_VNU_JAR") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var jar = Path.Combine(dir.FullName, "tests", "vnu", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
            if (File.Exists(jar))
            {
                return jar;
            }
        }

        throw new InvalidOperationException("vnu.jar was not found. tests/setup/30-vnu.sh installs it (npm ci in tests/vnu).");
    }
}
