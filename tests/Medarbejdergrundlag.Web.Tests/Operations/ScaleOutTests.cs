using System.Diagnostics;
using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Medarbejdergrundlag.Web.Tests.Operations;

/// <summary>Several instances on one database, and restarts: sign-ins and publishes reach them all.</summary>
[Trait(Needs.Trait, Needs.Postgres)]
[Trait(Needs.Trait, Needs.Process)]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoInstancesShareSignInsAndAPublishOnOneReachesTheOtherWithinTwoSeconds()
    {
        using var database = PortalDatabase.Create(ContentDatabase.Postgres);
        var clock = Stopwatch.StartNew();
        // Started together, as a deployment starts its replicas: both race to create and seed the database.
        var starting = new[] { PortalProcess.StartAsync(database.Settings), PortalProcess.StartAsync(database.Settings) };
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await (await started).DisposeAsync();
            }

            throw;
        }

        await using var a = await starting[0];
        await using var b = await starting[1];
        output.WriteLine($"Both instances live after {clock.ElapsedMilliseconds} ms.");
        try
        {
            await ShareSignInsAndPublishesAsync(database, a, b);
        }
        finally
        {
            // The instances' own logs, for whoever reads a failure.
            output.WriteLine(string.Join('\n', a.Output.Select(l => "A| " + l).Concat(b.Output.Select(l => "B| " + l))));
        }
    }

    private async Task ShareSignInsAndPublishesAsync(PortalDatabase database, PortalProcess a, PortalProcess b)
    {
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();

        // A cookie issued by A is honoured by B, which has its own memory and its own HOME.
        var cookie = await PersonaSignIn.SessionCookieAsync(clientA);
        var onB = await clientB.GetWithCookieAsync("/pejlemaerker/mod", cookie);
        Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        var page = Html.Parse(await onB.Content.ReadAsStringAsync());
        Assert.Equal("Mette Medarbejder", page.QuerySelector(".site-header__user")?.Text());
        Assert.Equal("Mod", page.QuerySelector("h1")?.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await clientB.GetAsync("/pejlemaerker/mod")).StatusCode);
        Assert.Equal("Mod", await TitleAsync(clientA, cookie));
        await using (var db = database.NewContext())
        {
            // Instances that start together may each make a key; both land in the one ring.
            Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync());
            Assert.Equal(12, await db.Items.CountAsync());
        }

        // A publish (as A's admin does it: revision, pointer and version stamp in one transaction).
        await TestPublishing.PublishTitleAsync(database, "mod", "Mod til forandring");
        var watch = Stopwatch.StartNew();
        string? title = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(5) && (title = await TitleAsync(clientB, cookie)) != "Mod til forandring")
        {
            await Task.Delay(50);
        }

        var elapsed = watch.Elapsed;
        output.WriteLine($"The publish was served by the other instance after {elapsed.TotalMilliseconds:F0} ms.");
        Assert.Equal("Mod til forandring", title);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the other instance needed {elapsed.TotalMilliseconds:F0} ms");

        // The publish went straight to the database, so A learns of it the same way B did: by the stamp.
        watch.Restart();
        while (watch.Elapsed < TimeSpan.FromSeconds(5) && (title = await TitleAsync(clientA, cookie)) != "Mod til forandring")
        {
            await Task.Delay(50);
        }

        Assert.Equal("Mod til forandring", title);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"instance A needed {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Theory, Providers]
    public async Task ASignInSurvivesARestart(string provider)
    {
        using var database = PortalDatabase.Create(provider);
        string cookie;
        using (var before = new PortalFactory(database))
        {
            using var client = before.CreateCookielessClient();
            cookie = await PersonaSignIn.SessionCookieAsync(client, "leder");
        }

        using var after = new PortalFactory(database);
        using var restarted = after.CreateCookielessClient();
        var response = await restarted.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Lars Leder", Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".site-header__user")?.Text());
    }

    [Fact]
    public async Task TheKeysLiveInTheDatabaseSoRemovingThemEndsEverySession()
    {
        using var database = PortalDatabase.Create();
        string cookie;
        using (var before = new PortalFactory(database))
        {
            using var client = before.CreateCookielessClient();
            cookie = await PersonaSignIn.SessionCookieAsync(client);
        }

        await using (var db = database.NewContext())
        {
            Assert.Equal(1, await db.DataProtectionKeys.ExecuteDeleteAsync());
        }

        using var after = new PortalFactory(database);
        using var restarted = after.CreateCookielessClient();
        var response = await restarted.GetWithCookieAsync("/", cookie);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/log-ind", response.Headers.Location!.ToString());
    }

    private static async Task<string?> TitleAsync(HttpClient client, string cookie)
    {
        var response = await client.GetWithCookieAsync("/pejlemaerker/mod", cookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.Text();
    }
}
