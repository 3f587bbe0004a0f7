using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// A link pasted into Teams or Outlook is unfurled without signing in, on the sign-in page. It shows
/// the published title and summary of the page the link is for, and nothing else, never a draft.
/// </summary>
public sealed class LinkPreviewTests
{
    [Fact]
    public async Task TheSignInPageShowsThePublishedTitleAndSummaryNeverTheDraft()
    {
        using var factory = new PortalFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
            var id = scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Single(i => i.Key == "mod").Id;
            var item = (await editor.FindAsync(id))!;
            var draft = await editor.SaveDraftAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!) with
            {
                Title = "Hemmeligt udkast",
                Lead = "Udkastets indledning, som ingen uden for HR må se endnu.",
            }, "persona:hr-redaktoer");
            Assert.True(draft.Succeeded);
        }

        using var teams = factory.CreatePlainClient();
        var employee = await factory.SignedInClientAsync();
        var published = await employee.GetDocumentAsync("/pejlemaerker/mod");

        var unfurled = await teams.GetDocumentAsync("/konto/log-ind?ReturnUrl=%2Fpejlemaerker%2Fmod%3Ffra%3Dteams");

        Assert.Equal("Mod", Meta(unfurled, "og:title"));
        Assert.Equal(Meta(published, "og:description"), Meta(unfurled, "og:description"));
        Assert.Equal(Meta(published, "og:description"), unfurled.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.DoesNotContain("udkast", unfurled.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Log ind", unfurled.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task WithTheMunicipalitysProviderALinkStillUnfurlsAndABrowserGoesOnToSignIn()
    {
        await using var issuer = await TokenIssuer.StartAsync();
        using var factory = TokenIssuer.Portal(issuer.Issuer, new LogCapture());
        using var teams = factory.CreatePlainClient();

        // What an unfurler does: ask for the pasted link and follow the redirect, reading no script.
        var pasted = await teams.GetAsync("/pejlemaerker/mod?fra=teams");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, pasted.StatusCode);
        var unfurled = Html.Parse(await teams.GetStringAsync(pasted.Headers.Location));

        Assert.Equal("Mod", Meta(unfurled, "og:title"));
        // A browser does not stop there: the page refreshes at once to the provider, back to the link afterwards.
        var refresh = unfurled.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content")!;
        Assert.StartsWith("0;url=/konto/log-ind?handler=Kommune", refresh);
        var toProvider = await teams.GetAsync(refresh["0;url=".Length..]);
        Assert.StartsWith(issuer.Issuer + "/authorize?", toProvider.Headers.Location!.ToString());
        Assert.Contains(Uri.EscapeDataString("/pejlemaerker/mod?fra=teams"), refresh);
    }

    [Theory]
    [InlineData("/til-ledere")]
    [InlineData("/admin")]
    [InlineData("/pejlemaerker/findes-ikke")]
    [InlineData("https://evil.example/pejlemaerker/mod")]
    public async Task PagesThatAreNotPublishedContentGetTheSignInPagesOwnTags(string returnUrl)
    {
        using var factory = new PortalFactory();
        using var teams = factory.CreatePlainClient();

        var unfurled = await teams.GetDocumentAsync("/konto/log-ind?ReturnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal("Log ind", Meta(unfurled, "og:title"));
    }

    [Fact]
    public async Task OneSettingTurnsThePreviewsOff()
    {
        using var factory = new PortalFactory();
        factory.With("Portal:SignInLinkPreviews", "false");
        using var teams = factory.CreatePlainClient();

        var unfurled = await teams.GetDocumentAsync("/konto/log-ind?ReturnUrl=%2Fpejlemaerker%2Fmod");

        Assert.Equal("Log ind", Meta(unfurled, "og:title"));
        Assert.DoesNotContain("Mod", Meta(unfurled, "og:description"));
    }

    private static string Meta(AngleSharp.Dom.IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"no {property}");
}
