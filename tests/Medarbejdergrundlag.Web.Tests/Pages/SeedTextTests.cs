using System.Text.RegularExpressions;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>
/// The charter and the Phønix page are the municipality's own words. Every line of the source
/// texts (kept in Fixtures/ exactly as received) must reach the reader, word for word.
/// </summary>
public abstract partial class SeedTextTests(PortalFixture portal)
{
    [Fact]
    public async Task CharterPageShowsEveryLineOfTheCharterWordForWord()
    {
        var missing = await MissingLinesAsync("medarbejdergrundlag.txt", "/medarbejdergrundlag", chrome: []);

        Assert.Empty(missing);
    }

    [Fact]
    public async Task PhoenixPageShowsEveryLineOfThePhoenixTextWordForWord()
    {
        // The first and last lines are the old web page's own chrome (its skip link and footer), not text.
        var missing = await MissingLinesAsync("phoenix.txt", "/phoenix", chrome: ["Spring til indhold", "Borgmesterforvaltningen"]);

        Assert.Empty(missing);
    }

    private async Task<List<string>> MissingLinesAsync(string fixture, string path, string[] chrome)
    {
        var source = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture));
        var document = await portal.Employee.GetDocumentAsync(path);
        var page = Collapse(document.QuerySelector("main")!.TextContent);

        var lines = source.Select(Normalize).Where(l => l.Length > 0 && !chrome.Contains(l)).ToList();
        Assert.True(lines.Count > 10, $"only {lines.Count} lines read from {fixture}");

        // Lines set in capitals are the printed cover's typography; the words must be there, in any case.
        return lines
            .Where(line => !page.Contains(line, line == line.ToUpperInvariant() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .ToList();
    }

    private static string Normalize(string line)
    {
        var text = Collapse(line.Replace("**", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal));
        return text.StartsWith("- ", StringComparison.Ordinal) ? text[2..] : text;
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

public sealed class SeedTextOnSqlite(PortalFixture portal) : SeedTextTests(portal), IClassFixture<PortalFixture>;

public sealed class SeedTextOnPostgres(PostgresPortalFixture portal) : SeedTextTests(portal), IClassFixture<PostgresPortalFixture>;
