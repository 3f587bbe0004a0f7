using System.Diagnostics;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>The checkout the tests run from, and its scripts.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>Runs a script of the repository with bash and returns what it wrote to standard output; fails on a non-zero exit.</summary>
    public static async Task<string> RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medarbejdergrundlag.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: no Medarbejdergrundlag.sln above " + AppContext.BaseDirectory);
    }
}
