using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Pages;

public sealed class OpenGraphTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/", "Forside")]
    [InlineData("/medarbejdergrundlag", "Medarbejdergrundlaget")]
    [InlineData("/pejlemaerker", "Pejlemærker")]
    [InlineData("/pejlemaerker/faellesskab", "Fællesskab")]
    [InlineData("/phoenix", "Phønix")]
    [InlineData("/soeg", "Søg")]
    public async Task EveryPageCarriesOpenGraphAndADescriptionForTeamsAndOutlook(string path, string title)
    {
        var document = await portal.Employee.GetDocumentAsync(path);

        string Property(string name) =>
            document.QuerySelector($"meta[property='{name}']")?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"{path} lacks {name}");
        Assert.Equal(title, Property("og:title"));
        Assert.Equal(document.QuerySelector("meta[name=description]")!.GetAttribute("content"), Property("og:description"));
        Assert.True(Property("og:description").Length > 20, $"{path}: description too short");
        Assert.Equal("website", Property("og:type"));
        Assert.Equal("http://localhost" + path, Property("og:url"));
        Assert.Equal("Medarbejdergrundlag · Odense Kommune", Property("og:site_name"));
        Assert.Equal("da_DK", Property("og:locale"));
    }

    [Fact]
    public async Task TheSignInPageCarriesOpenGraphToo()
    {
        using var anonymous = portal.Factory.CreatePlainClient();

        var document = await anonymous.GetDocumentAsync("/konto/log-ind");

        Assert.NotNull(document.QuerySelector("meta[property='og:title']"));
        Assert.Equal("http://localhost/konto/log-ind", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task OpenGraphUrlsUseTheConfiguredPublicAddress()
    {
        using var factory = new PortalFactory().With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.odense.dk/");
        var client = await factory.SignedInClientAsync();

        var document = await client.GetDocumentAsync("/pejlemaerker/mod");

        Assert.Equal("https://medarbejdergrundlag.odense.dk/pejlemaerker/mod", document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
    }
}
