using System.Security.Claims;

namespace Medarbejdergrundlag.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name the audit log and revision history show for this user.</summary>
    public static string EditorName(this ClaimsPrincipal user) =>
        user.Identity?.Name
        ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("An editor must be signed in.");
}
