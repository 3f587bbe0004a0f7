using System.Security.Claims;

namespace Medarbejdergrundlag.Web.Security;

/// <summary>The development sign-in's made-up users, one per kind of reader.</summary>
public sealed record Persona(string Id, string Label, string Name, string Description, string[] Roles)
{
    public static readonly IReadOnlyList<Persona> All =
    [
        new("medarbejder", "Medarbejder", "Mette Medarbejder", "Læser medarbejdergrundlaget og Phønix.", []),
        new("leder", "Leder", "Lars Leder", "Som medarbejder, og kan bruge materialet til ledere.", [PortalRoles.Leader]),
        new("hr-redaktoer", "HR-redaktør", "Hanne HR-redaktør", "Kan redigere indholdet i administrationen.", [PortalRoles.Editor]),
        new("godkender", "Hovedudvalgets godkender", "Gurli Godkender", "HR-redaktør, der også kan godkende ændringer til medarbejdergrundlaget.", [PortalRoles.Editor, PortalRoles.Approver]),
    ];

    public static Persona? Find(string? id) => All.FirstOrDefault(p => p.Id == id);

    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "persona:" + Id),
            new(ClaimTypes.Name, Name),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
