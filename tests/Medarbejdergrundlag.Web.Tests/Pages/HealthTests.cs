using System.Net;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Tests.Pages;

public sealed class HealthTests
{
    [Theory]
    [InlineData("/health/live", "Sqlite")]
    [InlineData("/health/ready", "Sqlite")]
    [InlineData("/health/live", "Postgres")]
    [InlineData("/health/ready", "Postgres")]
    public async Task HealthEndpointsAnswerAnonymously(string path, string provider)
    {
        using var factory = new PortalFactory(provider: provider);
        using var client = factory.CreatePlainClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, Providers]
    public async Task ReadinessFailsWhenTheDatabaseIsNotMigratedWhileLivenessStaysUp(string provider)
    {
        using var factory = new PortalFactory(provider: provider);
        using var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using (var db = factory.Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\"");
        }

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
