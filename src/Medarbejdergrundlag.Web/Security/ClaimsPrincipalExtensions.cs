using System.Security.Claims;
using Medarbejdergrundlag.Content.Editing;

namespace Medarbejdergrundlag.Web.Security;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The name the audit log and revision history show for this user.</summary>
    public static string EditorName(this ClaimsPrincipal user) =>
        user.Identity?.Name
        ?? user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("An editor must be signed in.");

    /// <summary>The editor as history records them: stable subject id and the name shown today.</summary>
    public static EditorRef Editor(this ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("An editor must be signed in."), user.EditorName());
}
