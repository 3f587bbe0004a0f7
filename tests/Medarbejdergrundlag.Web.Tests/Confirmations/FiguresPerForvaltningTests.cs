using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Medarbejdergrundlag.Web.Tests.Confirmations;

/// <summary>
/// HR's figures per forvaltning, end to end: readers sign in at the provider with a department claim,
/// confirm the charter on its page, and HR's page shows no group that could single anyone out.
/// </summary>
public sealed class FiguresPerForvaltningTests : OidcPortalTests
{
    [Fact]
    public async Task ReadersSignedInWithADepartmentAreCountedAndNoSmallGroupCanBeWorkedOut()
    {
        Portal.With("Confirmations:DepartmentClaim", "department");
        var readers = 0;
        foreach (var (department, count) in new[] { ("Børn- og Ungeforvaltningen", 6), ("Borgmesterforvaltningen", 1), ("Beskæftigelsesforvaltningen", 5) })
        {
            for (var i = 0; i < count; i++)
            {
                using var reader = await SignInAsync($"reader-{readers++}", department);
                var confirmed = await Forms.SubmitAsync(reader, "/medarbejdergrundlag", "#bekraeft form");
                Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
            }
        }

        using var hr = await SignInAsync("hanne", "Borgmesterforvaltningen", ["hr-redaktoerer"]);
        var response = await hr.GetAsync("/admin/bekraeftelser");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal("12", page.QuerySelector("[data-figure=total]")!.Text());
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        // Borgmesterforvaltningen's 1 joins the smallest named group; the two are shown as one, unnamed.
        Assert.Equal(["Børn- og Ungeforvaltningen 6 0 6", "Øvrige forvaltninger 6 0 6"], rows);
        Assert.DoesNotContain("Borgmesterforvaltningen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Beskæftigelsesforvaltningen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reader-", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync(string subject, string department, string[]? groups = null)
    {
        var client = Portal.CreatePlainClient();
        var challenge = await TokenIssuer.ChallengeAsync(client, "/");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var idToken = Issuer.Mint(query["nonce"]!, subject: subject, groups: groups ?? ["medarbejdere"], change: d => d.Claims["department"] = department);
        var code = Issuer.IssueCode(idToken, query["code_challenge"]!);
        var callback = await client.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return client;
    }
}
