using System.Net;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>History records who did what by the stable subject id from the sign-in, beside the name.</summary>
public sealed class AuditSubjectTests : OidcPortalTests
{
    [Fact]
    public async Task TwoEditorsWithTheSameNameAreToldApartAndARenameDoesNotRewriteHistory()
    {
        using var first = await SignInAsync("a1b2-hanne", "Hanne Hansen");
        using var second = await SignInAsync("c3d4-hanne", "Hanne Hansen");
        await MoveDownAsync(first);
        await MoveDownAsync(second);
        // The first Hanne marries and the provider renames her; her next sign-in carries the new name.
        using var renamed = await SignInAsync("a1b2-hanne", "Hanne Hansen Berg");
        await MoveDownAsync(renamed);

        var log = await first.GetDocumentAsync("/admin/log");

        var rows = log.QuerySelectorAll("tbody tr")
            .Select(r => (Name: r.QuerySelector(".audit-user")!.Text(), Id: r.QuerySelector(".audit-user-id")?.Text()))
            .ToList();
        Assert.Equal(
            [("Hanne Hansen Berg", "a1b2-hanne"), ("Hanne Hansen", "c3d4-hanne"), ("Hanne Hansen", "a1b2-hanne")],
            rows);
    }

    private async Task MoveDownAsync(HttpClient editor)
    {
        await using var db = Portal.Database.NewContext();
        var id = db.Items.Single(i => i.Key == "mod").Id;
        var token = await PortalFactory.AntiforgeryTokenAsync(editor, "/admin");
        var response = await editor.PostAsync("/admin?handler=MoveDown", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string subject, string name)
    {
        var client = Portal.CreatePlainClient();
        var challenge = await TokenIssuer.ChallengeAsync(client, "/admin");
        var query = QueryHelpers.ParseQuery(challenge.Headers.Location!.Query);
        var idToken = Issuer.Mint(query["nonce"]!, subject: subject, groups: ["hr-redaktoerer"], change: d => d.Claims["name"] = name);
        var code = Issuer.IssueCode(idToken, query["code_challenge"]!);
        var callback = await client.GetAsync($"/signin-oidc?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal("/admin", callback.Headers.Location!.OriginalString);
        return client;
    }
}
