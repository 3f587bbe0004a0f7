using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>Stops the test PostgreSQL server, so nothing else may run meanwhile.</summary>
[Trait(Needs.Trait, Needs.Postgres)]
[Trait(Needs.Trait, Needs.Process)]
[CollectionDefinition(nameof(DatabaseOutageCollection), DisableParallelization = true)]
public sealed class DatabaseOutageCollection;

[Collection(nameof(DatabaseOutageCollection))]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ASqlServerThatCannotBeReachedCountsAsAnOutageNotABug()
    {
        // Nothing listens on port 1: the real client fails the way it does when the server is down.
        await using var connection = new Microsoft.Data.SqlClient.SqlConnection("Server=tcp:127.0.0.1,1;Connect Timeout=3;Encrypt=False");

        var failure = await Assert.ThrowsAsync<Microsoft.Data.SqlClient.SqlException>(() => connection.OpenAsync());

        Assert.True(Medarbejdergrundlag.Web.Infrastructure.DatabaseOutage.IsOutage(failure), $"SqlException {failure.Number}: {failure.Message}");
        Assert.False(Medarbejdergrundlag.Web.Infrastructure.DatabaseOutage.IsOutage(new InvalidOperationException("a bug")));
    }

    [Fact]
    public async Task WhenPostgresStopsPagesKeepTheirContentReadinessFailsAndItAllRecoversWithoutARestart()
    {
        // "warm" has shown content; "cold" (a fresh instance) has signed in but shown none yet.
        using var warm = new PortalFactory(provider: ContentDatabase.Postgres);
        using var cold = new PortalFactory(warm.Database);
        var reader = await warm.SignedInClientAsync();
        var coldReader = await cold.SignedInClientAsync();
        using var probe = warm.CreatePlainClient();
        Assert.Equal("Mod", await TitleAsync(reader));

        await TestPostgres.ControlServerAsync("stop");
        try
        {
            var watch = Stopwatch.StartNew();
            var ready = await probe.GetAsync("/health/ready");
            output.WriteLine($"/health/ready answered {(int)ready.StatusCode} after {watch.ElapsedMilliseconds} ms with the database down.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(watch.Elapsed < Limit, $"/health/ready took {watch.Elapsed}");
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);

            // Past the check interval the warm instance has tried the database, failed, and serves what it has.
            await Task.Delay(PublishedContentStore.CheckInterval + TimeSpan.FromMilliseconds(200));
            watch.Restart();
            Assert.Equal("Mod", await TitleAsync(reader));
            Assert.True(watch.Elapsed < Limit, $"the warm page took {watch.Elapsed}");

            watch.Restart();
            var unavailable = await coldReader.GetAsync("/pejlemaerker/mod");
            output.WriteLine($"A page with nothing in memory answered {(int)unavailable.StatusCode} after {watch.ElapsedMilliseconds} ms.");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.StatusCode);
            Assert.True(watch.Elapsed < Limit, $"the cold page took {watch.Elapsed}");
            var page = Html.Parse(await unavailable.Content.ReadAsStringAsync());
            Assert.Equal("da", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("Midlertidigt utilgængelig", page.QuerySelector("h1")?.Text());
            Assert.Contains("midlertidigt utilgængelig", page.Body!.Text());
            Assert.DoesNotContain("Exception", page.Body!.Text());
            Assert.True(unavailable.Headers.Contains("Retry-After"));
        }
        finally
        {
            await TestPostgres.ControlServerAsync("start");
        }

        // Back by itself: readiness, the cold page, and a publish made after the outage.
        var recovery = Stopwatch.StartNew();
        await EventuallyAsync(async () => (await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, "readiness");
        await EventuallyAsync(async () => (await coldReader.GetAsync("/pejlemaerker/mod")).StatusCode == HttpStatusCode.OK, "the cold page");
        output.WriteLine($"Ready and serving again {recovery.ElapsedMilliseconds} ms after the server was back.");
        await TestPublishing.PublishTitleAsync(warm.Database, "mod", "Mod efter nedbrud");
        await EventuallyAsync(async () => await TitleAsync(reader) == "Mod efter nedbrud", "the publish after the outage");
    }

    private static async Task<string?> TitleAsync(HttpClient client)
    {
        var response = await client.GetAsync("/pejlemaerker/mod");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.Text();
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{what} did not recover within 15 s");
    }
}
