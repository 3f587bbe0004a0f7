using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;

namespace Medarbejdergrundlag.Web.Tests.Admin;

public sealed class AdminAccessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task EmployeeCannotOpenAdmin()
    {
        var response = await portal.Employee.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Du har ikke adgang", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousVisitorIsSentToSignInFromAdmin()
    {
        using var anonymous = portal.Factory.CreatePlainClient();

        var response = await anonymous.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/konto/log-ind", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task EditorSeesEveryContentItemInTheOverview()
    {
        var editor = await portal.Factory.SignedInClientAsync("hr-redaktoer");

        var document = await editor.GetDocumentAsync("/admin");

        var titles = document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.Text()).ToList();
        Assert.Equal(12, titles.Count);
        Assert.Contains("Fællesskab", titles);
        Assert.Contains("Phønix", titles);
        Assert.NotNull(document.QuerySelector("nav a[href='/admin']"));
    }

    [Fact]
    public async Task OnlyEditorsSeeTheAdministrationLink()
    {
        var document = await portal.Employee.GetDocumentAsync("/");

        Assert.Null(document.QuerySelector("a[href='/admin']"));
    }
}
