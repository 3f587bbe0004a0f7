using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// Authorization over every admin endpoint, enumerated from the app, so a page added later is
/// covered without anyone remembering to add it here.
/// </summary>
public sealed class AdminAuthorizationTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void TheEnumerationFindsTheKnownAdminPages()
    {
        var paths = AdminEndpoints.Paths(portal.Factory);

        Assert.Contains("/admin", paths, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(paths, p => p.EndsWith("/historik", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/forhaandsvisning", StringComparison.Ordinal));
        Assert.Contains("/admin/log", paths);
        Assert.Contains("/admin/markdown", paths);
        Assert.DoesNotContain("/admin/markdown", AdminEndpoints.Pages(portal.Factory));
        Assert.Contains("/admin/forloeb/import", paths);
        Assert.Contains(paths, p => p.Contains("/hold/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInFromEveryAdminPage()
    {
        using var anonymous = portal.Factory.CreatePlainClient();
        var pages = AdminEndpoints.Pages(portal.Factory);
        foreach (var path in AdminEndpoints.Paths(portal.Factory))
        {
            foreach (var method in pages.Contains(path) ? new[] { HttpMethod.Get, HttpMethod.Post } : [HttpMethod.Post])
            {
                var response = await anonymous.SendAsync(new HttpRequestMessage(method, path));

                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                Assert.StartsWith("http://localhost/konto/log-ind", response.Headers.Location!.ToString());
            }
        }
    }

    [Theory]
    [InlineData("medarbejder")]
    [InlineData("leder")]
    public async Task EmployeesAndLeadersGetForbiddenOnEveryAdminPage(string persona)
    {
        var client = await portal.Factory.SignedInClientAsync(persona);
        foreach (var path in AdminEndpoints.Pages(portal.Factory))
        {
            var get = await client.GetAsync(path);
            Assert.True(get.StatusCode == HttpStatusCode.Forbidden, $"GET {path}: {(int)get.StatusCode}");
        }

        foreach (var path in AdminEndpoints.Paths(portal.Factory))
        {
            var post = await client.PostAsync(path, new FormUrlEncodedContent([]));
            Assert.True(post.StatusCode == HttpStatusCode.Forbidden, $"POST {path}: {(int)post.StatusCode}");
        }
    }

    [Fact]
    public async Task EditorsAreAllowedOnEveryAdminPage()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");
        var pages = AdminEndpoints.Pages(portal.Factory);
        foreach (var path in AdminEndpoints.Paths(portal.Factory))
        {
            var response = await editor.GetAsync(path);

            // POST-only endpoints (the live preview) match no GET route; everything else shows a page.
            var expected = pages.Contains(path) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryAdminPostWithoutAnAntiforgeryTokenIsRefused()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");
        foreach (var path in AdminEndpoints.Paths(portal.Factory))
        {
            foreach (var handler in new[] { "", "?handler=Save", "?handler=Publish", "?handler=Archive", "?handler=Restore", "?handler=MoveUp" })
            {
                var response = await editor.PostAsync(path + handler, new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Form.Title"] = "Kapret",
                    ["Form.Version"] = "1",
                    ["id"] = "1",
                    ["number"] = "1",
                    ["version"] = "1",
                }));

                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path}{handler}: {(int)response.StatusCode}");
            }
        }
    }
}
