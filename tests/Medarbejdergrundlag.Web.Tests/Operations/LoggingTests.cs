using System.Text.Json;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Security;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Operations;

public sealed class LoggingTests
{
    [Trait(Needs.Trait, Needs.Process)]
    [Fact]
    public async Task ProductionLogsAreOneJsonObjectPerLine()
    {
        using var database = PortalDatabase.Create();
        var settings = new Dictionary<string, string?>(database.Settings) { ["Authentication:Oidc:Authority"] = "https://login.example.test", ["Authentication:Oidc:ClientId"] = "portal" };
        await using (var portal = await PortalProcess.StartAsync(settings, environment: "Production"))
        {
            using var client = portal.CreateClient();
            await client.GetAsync("/health/ready");
            await WaitForAsync(() => portal.Output.Any(l => l.Contains("Application started", StringComparison.Ordinal)));

            var lines = portal.Output.Where(l => l.Length > 0).ToList();
            Assert.Contains(lines, l => l.Contains("Seeded 12 content items", StringComparison.Ordinal));
            Assert.All(lines, line =>
            {
                using var entry = JsonDocument.Parse(line);
                Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
                Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
                Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
                Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
            });
        }
    }

    [Fact]
    public async Task LogsNameTheSignedInUserByIdAndNothingElseAboutThem()
    {
        var logs = new LogCapture();
        using var factory = new PortalFactory()
            .With("Logging:LogLevel:Default", "Trace")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithLogs(logs);
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var persona = Persona.Find("hr-redaktoer")!;

        foreach (var path in new[] { "/", "/medarbejdergrundlag", "/pejlemaerker/mod", "/admin", "/findes-ikke" })
        {
            await editor.GetAsync(path);
        }

        var entries = logs.Entries.ToList();
        Assert.True(entries.Count > 50, $"only {entries.Count} entries at Trace");
        Assert.Contains(entries, e => e.Scope.Contains(new KeyValuePair<string, string>(PortalLogging.UserIdScope, "persona:hr-redaktoer")));
        Assert.DoesNotContain(entries, e => e.Text.Contains(persona.Name, StringComparison.OrdinalIgnoreCase)
            || e.Scope.Any(s => s.Value.Contains(persona.Name, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 50 && !condition(); i++)
        {
            await Task.Delay(100);
        }
    }
}
