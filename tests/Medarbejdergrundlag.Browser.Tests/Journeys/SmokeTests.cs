using Medarbejdergrundlag.Browser.Tests.Infrastructure;

namespace Medarbejdergrundlag.Browser.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FrontPageOpens()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("Sammen om udvikling", await page.Locator("h1").InnerTextAsync());
    }
}
