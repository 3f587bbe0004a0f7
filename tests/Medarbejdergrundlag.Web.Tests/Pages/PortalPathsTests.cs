using System.Net;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>The addresses PortalPaths builds reach their pages, and every request is Danish.</summary>
public sealed class PortalPathsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task EveryAddressPortalPathsBuildsAnswersWithItsPage()
    {
        var site = await portal.Factory.Services.GetRequiredService<PublishedContentStore>().GetAsync();
        using var leader = await portal.Factory.SignedInClientAsync("leder");
        string[] paths =
        [
            PortalPaths.Home, PortalPaths.Charter, PortalPaths.Bearings, PortalPaths.Phoenix, PortalPaths.Catalogue,
            PortalPaths.SearchFor("mod"), PortalPaths.Leaders, PortalPaths.OnboardingSheet, PortalPaths.AccessibilityStatement,
            .. site.Bearings.Select(b => PortalPaths.Bearing(b.Slug)),
            .. site.Bearings.Select(b => PortalPaths.CoursesTraining(b.Key)),
        ];

        foreach (var path in paths)
        {
            var response = await leader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }

        var charter = await leader.GetStringAsync(PortalPaths.Charter);
        Assert.All(site.CharterSections.Concat(site.Legs), s => Assert.Contains($"id=\"{s.Key}\"", charter));
    }

    [Fact]
    public async Task APageIsDanishWhateverLanguageTheBrowserAsksFor()
    {
        using var factory = new PortalFactory();
        using var client = await factory.SignedInClientAsync("hr-redaktoer");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        // The admin overview writes each item's last change with the request's culture.
        var html = await client.GetStringAsync(PortalPaths.Admin);

        var months = new[] { "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december" };
        Assert.Contains(months, m => html.Contains($". {m} 20", StringComparison.Ordinal));
        Assert.DoesNotContain("November", html);
    }
}
