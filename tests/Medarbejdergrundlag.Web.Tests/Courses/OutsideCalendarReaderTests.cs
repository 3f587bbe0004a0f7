using Medarbejdergrundlag.Content;
using System.Diagnostics;
using System.Text.Json;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Courses;

/// <summary>
/// The subscribable feed, fetched from the running portal (a real Kestrel process) by an iCalendar
/// reader from outside .NET: Mozilla's ical.js under Node (tests/ical-reader, installed by
/// tests/setup/21-ical-reader.sh), given only the feed link, as a calendar program is.
/// </summary>
[Trait(Needs.Trait, Needs.Process)]
public sealed class OutsideCalendarReaderTests
{
    [Fact]
    public async Task AnOutsideReaderFindsEveryEventWithUidSummaryAndCopenhagenStartAndKeepsTheCancelledOne()
    {
        using var database = PortalDatabase.Create();
        var settings = new Dictionary<string, string?>(database.Settings) { ["Phoenix:ExampleCourses"] = "true" };
        await using var portal = await PortalProcess.StartAsync(settings);
        using var client = portal.CreateClient();
        var cookie = await PersonaSignIn.SessionCookieAsync(client);

        var catalogue = Html.Parse(await (await client.GetWithCookieAsync("/phoenix/forloeb", cookie)).Content.ReadAsStringAsync());
        var feedLink = catalogue.QuerySelector("a.feed-link")?.GetAttribute("href") ?? throw new InvalidOperationException("No feed link on the catalogue.");
        Assert.StartsWith(portal.Address.ToString(), feedLink);

        var feed = await ReadAsync(feedLink);

        var events = feed.GetProperty("events").EnumerateArray().ToList();
        Assert.True(events.Count >= 5, $"{events.Count} events");
        foreach (var e in events)
        {
            Assert.Matches(@"^phoenix-hold-\d+(-dag-\d+)?@127\.0\.0\.1$", e.GetProperty("uid").GetString());
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("summary").GetString()));
            Assert.Equal("Europe/Copenhagen", e.GetProperty("tzid").GetString());
        }

        var uids = events.Select(e => e.GetProperty("uid").GetString()).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        var cancelled = Assert.Single(events, e => e.GetProperty("status").GetString() == "CANCELLED");
        Assert.StartsWith("Aflyst: ", cancelled.GetProperty("summary").GetString());
        Assert.All(events.Where(e => !e.Equals(cancelled)), e => Assert.Equal("CONFIRMED", e.GetProperty("status").GetString()));

        // The reader resolves local times through the feed's own VTIMEZONE, and they agree with .NET's zone.
        foreach (var e in events)
        {
            var local = DateTime.Parse(e.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var utc = DateTime.Parse(e.GetProperty("startUtc").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
            Assert.Equal(utc.ToCopenhagen(), local);
        }

        // "Mod til at sige det svære" lasts two days: each of its dates is two events, on days that
        // follow each other, each 09:00–15:30 local time (issue 31).
        var twoDays = events.Where(e => e.GetProperty("summary").GetString()!.Contains("Mod til at sige det svære", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, twoDays.Count);
        foreach (var day in twoDays.GroupBy(e => e.GetProperty("uid").GetString()!.Split('@')[0].Replace("-dag-2", "", StringComparison.Ordinal)))
        {
            var (first, second) = (day.Single(e => !e.GetProperty("uid").GetString()!.Contains("-dag-", StringComparison.Ordinal)), day.Single(e => e.GetProperty("uid").GetString()!.Contains("-dag-2", StringComparison.Ordinal)));
            var start = DateTime.Parse(first.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((new TimeSpan(9, 0, 0), new TimeSpan(15, 30, 0)), (start.TimeOfDay, DateTime.Parse(first.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture).TimeOfDay));
            Assert.Equal(start.AddDays(1), DateTime.Parse(second.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(start.Date.AddDays(1).AddHours(15.5), DateTime.Parse(second.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.EndsWith("(dag 2 af 2)", second.GetProperty("summary").GetString());
        }

        // Without the link's token the same reader is sent to sign in.
        Assert.Equal(2, await ExitCodeAsync(portal.Address + "phoenix/forloeb/kalender.ics"));
    }

    private static async Task<JsonElement> ReadAsync(string url)
    {
        var (code, output, error) = await RunAsync(url);
        Assert.True(code == 0, $"ical.js reader failed ({code}): {error}");
        return JsonDocument.Parse(output).RootElement;
    }

    private static async Task<int> ExitCodeAsync(string url) => (await RunAsync(url)).Code;

    private static async Task<(int Code, string Output, string Error)> RunAsync(string url)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "ical-reader");
        if (!File.Exists(Path.Combine(folder, "node_modules", "ical.js", "package.json")))
        {
            throw new InvalidOperationException("The iCalendar reader is not installed. tests/run.sh installs it (tests/setup/21-ical-reader.sh: npm ci in tests/ical-reader).");
        }

        var start = new ProcessStartInfo("node", ["read.mjs", url])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Medarbejdergrundlag.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
