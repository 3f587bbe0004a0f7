using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Pages;

public sealed class AccessibilityStatementTests
{
    [Fact]
    public async Task StatementIsReadableWithoutSigningIn()
    {
        using var factory = new PortalFactory();
        var client = factory.CreatePlainClient();

        var response = await client.GetAsync("/tilgaengelighed");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var heading = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main h1")!.Text();
        Assert.Equal("Tilgængelighedserklæring", heading.Replace("\u00AD", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatementFollowsTheDanishModelStatement()
    {
        using var factory = new PortalFactory();
        var document = await factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed");

        var headings = document.QuerySelectorAll("main h2").Select(h => h.Text().Replace("\u00AD", "", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["Overholdelsesstatus", "Indhold, der ikke er tilgængeligt", "Udarbejdelse af denne tilgængelighedserklæring",
             "Feedback og kontaktoplysninger", "Håndhævelsesprocedure"],
            headings);
        var main = document.QuerySelector("main")!.Text();
        Assert.Contains("lov om tilgængelighed af offentlige organers websteder og mobilapplikationer", main);
        Assert.Contains("WCAG 2.1 på niveau AA", main);
        Assert.Contains("Digitaliseringsstyrelsen", main);
        Assert.Contains("Erklæringen blev udarbejdet den 22. november 2026.", main);
        // Scope: the statement names the address it covers, the portal's own.
        Assert.Contains("gælder for http://localhost/", main);
    }

    [Fact]
    public async Task ContactDetailsAndThePreparedDateComeFromConfiguration()
    {
        using var factory = new PortalFactory()
            .With("Accessibility:ContactEmail", "webtilgaengelighed@example.org")
            .With("Accessibility:ContactPhone", "+45 12 34 56 78")
            .With("Accessibility:PreparedOn", "2027-01-15");
        var document = await factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed");

        Assert.NotNull(document.QuerySelector("a[href='mailto:webtilgaengelighed@example.org']"));
        var phone = document.QuerySelector("a[href='tel:+4512345678']") ?? throw new Xunit.Sdk.XunitException("no tel: link");
        Assert.Equal("+45 12 34 56 78", phone.Text());
        var main = document.QuerySelector("main")!.Text();
        Assert.Contains("udarbejdet den 15. januar 2027", main);
        Assert.DoesNotContain("Kontakt HR i din forvaltning", main);
    }

    [Fact]
    public async Task WithoutContactDetailsTheStatementPointsToHr()
    {
        using var factory = new PortalFactory();
        var document = await factory.CreatePlainClient().GetDocumentAsync("/tilgaengelighed");

        Assert.Contains("Kontakt HR i din forvaltning.", document.QuerySelector("main")!.Text());
        Assert.Null(document.QuerySelector("main a[href^='mailto:']"));
        Assert.DoesNotContain("senest gennemgået", document.QuerySelector("main")!.Text());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/konto/log-ind")]
    [InlineData("/findes-ikke")]
    public async Task FooterLinksTheStatement(string path)
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync();

        var response = await client.GetAsync(path);
        var footer = Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("footer")!;

        var link = footer.QuerySelector("a[href='/tilgaengelighed']") ?? throw new Xunit.Sdk.XunitException($"no statement link on {path}");
        Assert.Equal("Tilgængelighedserklæring", link.Text());
    }
}
