using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Onboarding;

public sealed class OnboardingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] BearingSlugs = ["mod", "udvikling", "handlekraft", "faellesskab"];

    [Fact]
    public async Task ALeaderSeesEveryBearingWithItsLinkSummaryAndSuggestedQuestions()
    {
        var leader = await portal.Factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere");

        var bearings = document.QuerySelectorAll(".onboarding__bearing").ToList();
        Assert.Equal(BearingSlugs.Select(s => "/pejlemaerker/" + s), bearings.Select(b => b.QuerySelector("h3 a")!.GetAttribute("href")));
        Assert.All(bearings, b =>
        {
            Assert.False(string.IsNullOrWhiteSpace(b.QuerySelector(".onboarding__headline")!.Text()));
            Assert.Contains("Forslag til spørgsmål", b.QuerySelector("h4")!.Text());
            var questions = b.QuerySelectorAll(".onboarding__questions li").Select(li => li.Text()).ToList();
            Assert.InRange(questions.Count, 2, 5);
            Assert.All(questions, q => Assert.EndsWith("?", q));
        });
        Assert.Contains("Vi har modet til at indgå i nye og anderledes samarbejdsrelationer", bearings[0].Text());
        Assert.Contains("første uger", document.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task EveryItemOnThePageHasACopyLinkWithAnAbsolutePermalink()
    {
        var leader = await portal.Factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere");

        foreach (var bearing in document.QuerySelectorAll(".onboarding__bearing"))
        {
            var href = bearing.QuerySelector("h3 a")!.GetAttribute("href");
            Assert.Equal("http://localhost" + href, bearing.QuerySelector(".copy-link__url")!.GetAttribute("href"));
            Assert.Equal("http://localhost" + href, bearing.QuerySelector("button[data-copy-link]")!.GetAttribute("data-copy-link"));
        }

        var others = document.QuerySelectorAll(".onboarding__links .copy-link__url").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
            ["http://localhost/medarbejdergrundlag", "http://localhost/medarbejdergrundlag#social-kapital", "http://localhost/medarbejdergrundlag#samskabelse", "http://localhost/phoenix"],
            others);
    }

    [Fact]
    public async Task TheWelcomeEmailIsReadyToCopyWithEveryLink()
    {
        var leader = await portal.Factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere");

        var text = document.QuerySelector("textarea#velkomstmail") ?? throw new Xunit.Sdk.XunitException("no email text");
        Assert.True(text.HasAttribute("readonly"));
        Assert.NotNull(document.QuerySelector("label[for=velkomstmail]"));
        var email = text.TextContent;
        Assert.Contains("http://localhost/medarbejdergrundlag", email);
        foreach (var slug in BearingSlugs)
        {
            Assert.Contains("http://localhost/pejlemaerker/" + slug, email);
        }

        Assert.Contains("http://localhost/phoenix", email);
        // Progressive enhancement: the button is hidden until site.js finds the clipboard API.
        var button = document.QuerySelector("button[data-copy-from=velkomstmail]")!;
        Assert.True(button.HasAttribute("hidden"));
    }

    [Fact]
    public async Task AnEmployeeCannotOpenTheManagersPagesOrSeeTheirLink()
    {
        foreach (var path in new[] { "/til-ledere", "/til-ledere/ark" })
        {
            var response = await portal.Employee.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Null((await portal.Employee.GetDocumentAsync("/")).QuerySelector("a[href='/til-ledere']"));
    }

    [Theory]
    [InlineData("leder")]
    [InlineData("hr-redaktoer")]
    public async Task LeadersAndEditorsSeeTheManagersLinkInTheMenu(string persona)
    {
        var client = await portal.Factory.SignedInClientAsync(persona);

        var document = await client.GetDocumentAsync("/");

        Assert.NotNull(document.QuerySelector("nav a[href='/til-ledere']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/til-ledere/ark")).StatusCode);
    }

    [Fact]
    public async Task TheSheetsQrCodesDecodeToEachBearingsPermalink()
    {
        using var factory = new PortalFactory().With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.odense.dk");
        var leader = await factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere/ark");

        var codes = document.QuerySelectorAll("img.sheet__qr").ToList();
        Assert.Equal(BearingSlugs.Length, codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var expected = "https://medarbejdergrundlag.odense.dk/pejlemaerker/" + BearingSlugs[i];
            var decoded = await QrDecoder.DecodeAsync(QrDecoder.FromDataUri(codes[i].GetAttribute("src")!));
            Assert.Equal([expected], decoded);
            Assert.Contains(expected, codes[i].GetAttribute("alt"));
        }
    }

    [Theory]
    [InlineData("/til-ledere/ark", "https://medarbejdergrundlag.odense.dk/medarbejdergrundlag#bekraeft")]
    [InlineData("/en/til-ledere/ark", "https://medarbejdergrundlag.odense.dk/en/medarbejdergrundlag#bekraeft")]
    public async Task TheSheetsReadAndConfirmQrCodeIsAnSvgThatDecodesToTheConfirmButtonsAddress(string sheet, string expected)
    {
        using var factory = new PortalFactory().With("Portal:PublicBaseUrl", "https://medarbejdergrundlag.odense.dk");
        var leader = await factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync(sheet);

        var code = document.QuerySelector("img.sheet__confirm-qr") ?? throw new Xunit.Sdk.XunitException("no read-and-confirm code");
        var svg = QrDecoder.FromSvgDataUri(code.GetAttribute("src")!);
        Assert.Equal([expected], await QrDecoder.DecodeSvgAsync(svg));
        // The text alternative names the address, and the address is printed beside the code.
        Assert.Contains(expected, code.GetAttribute("alt"));
        Assert.Contains(expected, document.QuerySelector(".sheet__confirm figcaption")!.Text());
        // The address the code gives leads to the confirm button: the charter has id="bekraeft".
        var charter = await leader.GetDocumentAsync(new Uri(expected).AbsolutePath);
        Assert.NotNull(charter.QuerySelector("#bekraeft form, #bekraeft [data-reader-status]"));
    }

    [Fact]
    public async Task TheDecoderSeesADifferenceBetweenCodes()
    {
        // Guards the QR test itself: a decoder that returned anything for any image would pass it.
        var leader = await portal.Factory.SignedInClientAsync("leder");
        var document = await leader.GetDocumentAsync("/til-ledere/ark");
        var images = document.QuerySelectorAll("img.sheet__qr").Select(i => QrDecoder.FromDataUri(i.GetAttribute("src")!)).ToList();

        var first = await QrDecoder.DecodeAsync(images[0]);
        var last = await QrDecoder.DecodeAsync(images[^1]);

        Assert.Equal(["http://localhost/pejlemaerker/mod"], first);
        Assert.Equal(["http://localhost/pejlemaerker/faellesskab"], last);
        Assert.Empty(await QrDecoder.DecodeAsync(Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAGp9vZgAAAABJRU5ErkJggg==")));
    }

    [Fact]
    public async Task TheSheetHasRoomForNameDateAndNotesAndPointsToPhoenix()
    {
        var leader = await portal.Factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere/ark");

        Assert.Equal(["Navn:", "Dato:"], document.QuerySelectorAll(".sheet__field").Select(f => f.Text().Trim()));
        Assert.All(document.QuerySelectorAll(".sheet__field"), f => Assert.NotNull(f.QuerySelector(".sheet__blank")));
        Assert.Equal("Noter", document.QuerySelector(".sheet__notes h2")!.Text());
        Assert.NotNull(document.QuerySelector(".sheet__notes .sheet__notes-space"));
        Assert.Equal("Phønix: kommunens hus for læring og udvikling. Se forløbene på http://localhost/phoenix/forloeb", document.QuerySelector(".sheet__phoenix")!.Text().Trim());

        var english = await leader.GetDocumentAsync("/en/til-ledere/ark");
        Assert.Equal(["Name:", "Date:"], english.QuerySelectorAll(".sheet__field").Select(f => f.Text().Trim()));
        Assert.EndsWith("See the courses at http://localhost/en/phoenix/forloeb", english.QuerySelector(".sheet__phoenix")!.Text().Trim());
    }

    [Fact]
    public async Task TheSheetIsOnePrintablePageWithoutInlineStyles()
    {
        var leader = await portal.Factory.SignedInClientAsync("leder");

        var document = await leader.GetDocumentAsync("/til-ledere/ark");

        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.Empty(document.QuerySelectorAll("style"));
        // Data URIs, which the CSP's img-src allows: the bearings' PNGs and the read-and-confirm SVG.
        Assert.All(document.QuerySelectorAll("img"), img => Assert.Matches(@"^data:image/(png|svg\+xml);base64,", img.GetAttribute("src")));
        Assert.Equal(4, document.QuerySelectorAll(".sheet__bearing").Length);
        Assert.All(document.QuerySelectorAll(".sheet__bearing"), b => Assert.NotEmpty(b.QuerySelectorAll(".sheet__questions li")));
        var css = await leader.GetStringAsync("/css/site.css");
        Assert.Contains("@page sheet", css);
        Assert.Contains("page: sheet;", css);
    }
}
