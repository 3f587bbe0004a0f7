using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Search;

public sealed class SearchPageTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("faellesskab")]
    [InlineData("fællesskab")]
    [InlineData("FÆLLESSKAB")]
    public async Task EverySpellingOfFaellesskabShowsTheBearingFirst(string query)
    {
        var document = await portal.Employee.GetDocumentAsync("/soeg?q=" + Uri.EscapeDataString(query));

        var first = document.QuerySelector(".search-result a") ?? throw new Xunit.Sdk.XunitException("no results");
        Assert.Equal("/pejlemaerker/faellesskab", first.GetAttribute("href"));
        Assert.Equal("Fællesskab", first.Text());
        Assert.Equal("Fællesskab", first.QuerySelector("mark")?.Text());
    }

    [Theory]
    [InlineData("samskabelse", "/medarbejdergrundlag", "samskabelse")]
    [InlineData("1. marts 2014", "/phoenix", "afsnit-phoenix-phoenix-er-rammen-for-kommunens-kompetenceudvikling")]
    [InlineData("mod", "/pejlemaerker/mod", null)]
    public async Task TheFirstResultLinksToAnAnchorThatExistsOnItsPage(string query, string page, string? anchor)
    {
        var results = await portal.Employee.GetDocumentAsync("/soeg?q=" + Uri.EscapeDataString(query));
        var href = results.QuerySelector(".search-result a")!.GetAttribute("href")!;

        Assert.Equal(anchor is null ? page : page + "#" + anchor, href);
        var target = await portal.Employee.GetDocumentAsync(page);
        if (anchor is not null)
        {
            Assert.NotNull(target.GetElementById(anchor));
        }
    }

    [Fact]
    public async Task SnippetsMarkTheMatchesInContext()
    {
        var document = await portal.Employee.GetDocumentAsync("/soeg?q=kompetenceudvikling");

        var snippets = document.QuerySelectorAll(".search-result__snippet").ToList();
        Assert.NotEmpty(snippets);
        Assert.Contains(snippets, s => s.QuerySelectorAll("mark").Any(m => m.Text().Equals("kompetenceudvikling", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task AScriptQueryIsShownAsTextAndInjectsNothing()
    {
        const string attack = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

        var response = await portal.Employee.GetAsync("/soeg?q=" + Uri.EscapeDataString(attack));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        var document = Html.Parse(html);
        // The layout's own script, fingerprinted, is the only one.
        Assert.Matches("^/js/site(\\.[a-z0-9]+)?\\.js$", Assert.Single(document.QuerySelectorAll("script")).GetAttribute("src"));
        Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(attack, document.QuerySelector("#search-page-q")!.GetAttribute("value"));
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "/soeg", "Skriv et eller flere ord" },
        { "/soeg?q=", "Skriv et eller flere ord" },
        { "/soeg?q=%20%20%20", "Skriv et eller flere ord" },
        { "/soeg?q=" + new string('a', 201), "Din søgning er for lang" },
        { "/soeg?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("fællesskab", 100))), "Din søgning er for lang" },
        { "/soeg?q=%3F%21%2E%2E%2E", "kun af tegn" },
        { "/soeg?q=" + Uri.EscapeDataString("«»–…!?"), "kun af tegn" },
        { "/soeg?q=" + Uri.EscapeDataString("blæksprutteæske"), "Vi fandt ingen resultater for »blæksprutteæske«" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task BadQueriesGetADanishMessageNotAnErrorPage(string path, string message)
    {
        var response = await portal.Employee.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, document.QuerySelector(".search-message")!.Text());
        Assert.Empty(document.QuerySelectorAll(".search-result"));
        Assert.DoesNotContain("Der skete en fejl", document.Body!.Text());
    }

    [Fact]
    public async Task ZeroResultsSuggestWhereToLookInstead()
    {
        var document = await portal.Employee.GetDocumentAsync("/soeg?q=" + Uri.EscapeDataString("blæksprutteæske"));

        var message = document.QuerySelector(".search-message")!;
        Assert.Contains("Forslag", message.Text());
        var links = message.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/pejlemaerker", links);
        Assert.Contains("/medarbejdergrundlag", links);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/medarbejdergrundlag")]
    [InlineData("/pejlemaerker/mod")]
    [InlineData("/phoenix")]
    [InlineData("/soeg?q=mod")]
    public async Task EveryPageHasASearchBoxInItsHeader(string path)
    {
        var document = await portal.Employee.GetDocumentAsync(path);

        var form = document.QuerySelector("header form[role=search]") ?? throw new Xunit.Sdk.XunitException("no search form in the header");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/soeg", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        var label = form.QuerySelector($"label[for='{input.Id}']")!;
        Assert.Equal("Søg", label.Text());
    }

    [Fact]
    public async Task SearchNeedsASignedInUser()
    {
        using var anonymous = portal.Factory.CreatePlainClient();

        var response = await anonymous.GetAsync("/soeg?q=mod");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/log-ind", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task TheSearchPageHasNoInlineStyleOrScript()
    {
        var document = await portal.Employee.GetDocumentAsync("/soeg?q=f%C3%A6llesskab");

        Assert.Empty(document.QuerySelectorAll("style"));
        Assert.Empty(document.QuerySelectorAll("[style]"));
        Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
    }

    [Fact]
    public async Task APublishMakesNewTextFindableOnTheNextRequest()
    {
        using var factory = new PortalFactory();
        var client = await factory.SignedInClientAsync();
        const string word = "blæksprutteøvelse";
        Assert.Contains("Vi fandt ingen resultater", (await client.GetDocumentAsync("/soeg?q=" + word)).QuerySelector(".search-message")!.Text());

        await factory.PublishBodyAsync("udvikling", $"Vi prøver en {word} hver fredag.");

        var document = await client.GetDocumentAsync("/soeg?q=" + Uri.EscapeDataString("BLAEKSPRUTTEOEVELSE"));
        var hit = Assert.Single(document.QuerySelectorAll(".search-result"));
        Assert.Equal("/pejlemaerker/udvikling", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(word, hit.QuerySelector(".search-result__snippet mark")!.Text());
    }
}
