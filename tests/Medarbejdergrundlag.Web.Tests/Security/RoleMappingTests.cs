using System.Security.Claims;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;

namespace Medarbejdergrundlag.Web.Tests.Security;

/// <summary>
/// How a provider's sign-in becomes the portal's identity (<see cref="RoleMapping"/>) and how the
/// provider settings are read, claim by claim, in the fast tier. OidcSignInTests show the whole
/// sign-in with a real token; these cover the cases one token cannot: every fallback of the name,
/// each role on its own, a blank claim.
/// </summary>
public sealed class RoleMappingTests
{
    private const string Provider = "https://login.odense.example";

    private static readonly RoleMapping Mapping = new(
        "groups",
        new HashSet<string>(["hr-redaktoerer"], StringComparer.Ordinal),
        new HashSet<string>(["ledere"], StringComparer.Ordinal),
        "department")
    {
        ApproverValues = new HashSet<string>(["hovedudvalget"], StringComparer.Ordinal),
    };

    [Fact]
    public void TheSubjectNameEmailSessionAndDepartmentAreKeptUnderTheProvidersIssuer()
    {
        var identity = Mapping.PortalIdentity(User(("sub", "mette"), ("name", "Mette Madsen"), ("preferred_username", "mm"),
            ("email", "mette@odense.example"), ("sid", "session-1"), ("department", "BUF"), ("groups", "medarbejdere")), "OpenIdConnect");

        Assert.Equal("OpenIdConnect", identity.AuthenticationType);
        Assert.Equal("mette", identity.FindFirst(ClaimTypes.NameIdentifier)?.Value);
        Assert.Equal("Mette Madsen", identity.Name);
        Assert.Equal("mette@odense.example", identity.FindFirst(ClaimTypes.Email)?.Value);
        Assert.Equal(Provider, identity.FindFirst(PortalClaims.Issuer)?.Value);
        Assert.Equal("session-1", identity.FindFirst(PortalClaims.SessionId)?.Value);
        Assert.Equal("BUF", identity.FindFirst("department")?.Value);
        Assert.Empty(identity.FindAll(ClaimTypes.Role));
        Assert.All(identity.Claims, c => Assert.Equal(Provider, c.Issuer));
        Assert.Equal(ClaimTypes.Role, identity.RoleClaimType);

        // Nothing else of the provider's comes along (its groups, its preferred_username).
        Assert.Equal(
            [ClaimTypes.NameIdentifier, ClaimTypes.Name, ClaimTypes.Email, PortalClaims.Issuer, PortalClaims.SessionId, "department"],
            identity.Claims.Select(c => c.Type));
    }

    [Theory]
    [InlineData("Mette Madsen", "mm", "mette@odense.example", "Mette Madsen")]
    [InlineData(null, "mm", "mette@odense.example", "mm")]
    [InlineData("  ", "mm", "mette@odense.example", "mm")]
    [InlineData(null, null, "mette@odense.example", "mette@odense.example")]
    [InlineData(null, " ", "mette@odense.example", "mette@odense.example")]
    [InlineData(null, null, null, "mette")]
    [InlineData("", "", "", "mette")]
    public void TheNameShownIsTheFirstNonBlankOfNamePreferredUsernameEmailAndSubject(string? name, string? username, string? email, string shown)
    {
        var claims = new List<(string, string)> { ("sub", "mette") };
        if (name is not null)
        {
            claims.Add(("name", name));
        }

        if (username is not null)
        {
            claims.Add(("preferred_username", username));
        }

        if (email is not null)
        {
            claims.Add(("email", email));
        }

        var identity = Mapping.PortalIdentity(User([.. claims]), "OpenIdConnect");

        Assert.Equal(shown, identity.Name);
        Assert.Equal(string.IsNullOrWhiteSpace(email) ? null : email, identity.FindFirst(ClaimTypes.Email)?.Value);
    }

    [Fact]
    public void BlankSessionAndDepartmentClaimsAreLeftOut()
    {
        var identity = Mapping.PortalIdentity(User(("sub", "mette"), ("sid", " "), ("department", "")), "OpenIdConnect");

        Assert.Null(identity.FindFirst(PortalClaims.SessionId));
        Assert.Null(identity.FindFirst("department"));
    }

    [Fact]
    public void WithoutADepartmentClaimConfiguredNoDepartmentIsKept()
    {
        var mapping = Mapping with { DepartmentClaim = null };

        var identity = mapping.PortalIdentity(User(("sub", "mette"), ("department", "BUF")), "OpenIdConnect");

        Assert.Null(identity.FindFirst("department"));
    }

    [Theory]
    [InlineData("hr-redaktoerer", "Editor")]
    [InlineData("ledere", "Leader")]
    [InlineData("hovedudvalget", "Approver")]
    [InlineData("HR-REDAKTOERER", "")]
    [InlineData("medarbejdere", "")]
    public void EachConfiguredGroupMakesItsRoleAndNoOther(string group, string role)
    {
        var identity = Mapping.PortalIdentity(User(("sub", "mette"), ("groups", "medarbejdere"), ("groups", group)), "OpenIdConnect");

        Assert.Equal(role.Length == 0 ? [] : [role], identity.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.All(identity.FindAll(ClaimTypes.Role), c => Assert.Equal(Provider, c.Issuer));
    }

    [Fact]
    public void AllThreeGroupsMakeAllThreeRoles()
    {
        var identity = Mapping.PortalIdentity(
            User(("sub", "gurli"), ("groups", "hovedudvalget"), ("groups", "ledere"), ("groups", "hr-redaktoerer")), "OpenIdConnect");

        Assert.Equal(["Editor", "Leader", "Approver"], identity.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(new ClaimsPrincipal(identity).IsInRole(PortalRoles.Approver));
    }

    [Fact]
    public void AnIdTokenWithoutASubjectIsRefused()
    {
        var error = Assert.Throws<AuthenticationFailureException>(() => Mapping.PortalIdentity(User(("name", "Mette Madsen")), "OpenIdConnect"));

        Assert.Equal("The id_token carried no sub.", error.Message);
    }

    [Theory]
    [InlineData("hr-redaktoerer ledere", new[] { "hr-redaktoerer", "ledere" })]
    [InlineData("hr-redaktoerer,ledere;  hovedudvalget ", new[] { "hr-redaktoerer", "ledere", "hovedudvalget" })]
    [InlineData("", new string[0])]
    public void ASettingIsOneStringSplitOnSpacesCommasAndSemicolons(string value, string[] expected)
    {
        var section = Settings(new() { ["Oidc:EditorValues"] = value });

        Assert.Equal(expected, AuthenticationSetup.Values(section, "EditorValues"));
    }

    [Fact]
    public void ASettingIsAlsoAnArray()
    {
        var section = Settings(new() { ["Oidc:EditorValues:0"] = "hr-redaktoerer", ["Oidc:EditorValues:1"] = " ledere " });

        Assert.Equal(["hr-redaktoerer", "ledere"], AuthenticationSetup.Values(section, "EditorValues"));
        Assert.Empty(AuthenticationSetup.Values(section, "LeaderValues"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("  ", null)]
    [InlineData("/signout-oidc", "/signout-oidc")]
    public void ABlankSettingIsNoSetting(string? value, string? expected)
    {
        Assert.Equal(expected, AuthenticationSetup.NullIfEmpty(value));
    }

    private static IConfigurationSection Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Oidc");

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value, ClaimValueTypes.String, Provider)), "AuthenticationTypes.Federation"));
}
