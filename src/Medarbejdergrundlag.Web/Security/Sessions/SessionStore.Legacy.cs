using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Medarbejdergrundlag.Web.Security.Sessions;

/// <summary>Cookies from before server sessions: noted by the data format, adopted here while adoption is open.</summary>
public sealed partial class SessionStore
{
    /// <summary>
    /// Notes an old whole-ticket cookie that this request carries, under the key it is adopted by
    /// (see <see cref="AdoptLegacyCookies"/>). Whether it is adopted is decided when the handler asks
    /// for that key, in <see cref="RetrieveAsync(string, HttpContext?, CancellationToken)"/>.
    /// </summary>
    public string NoteLegacyCookie(string cookie, AuthenticationTicket ticket)
    {
        var key = LegacyKeyPrefix + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)));
        _pendingAdoption.Set(key, ticket, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });
        return key;
    }

    /// <summary>
    /// Stores a ticket from an old whole-ticket cookie as a session, once, while adoption is open:
    /// for one absolute lifetime after the upgrade that introduced server sessions, and only for a
    /// ticket issued before it. Anyone who can read the key ring can make such a cookie, so outside
    /// that window none is taken.
    /// </summary>
    private async Task<CachedSession?> AdoptAsync(string id, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var introduced = await db.Milestones.AsNoTracking()
            .Where(m => m.Name == Milestone.ServerSessionsIntroduced).Select(m => (DateTime?)m.At).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var issued = ticket.Properties.IssuedUtc?.UtcDateTime;
        var user = ticket.Principal;
        var subject = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (introduced is null || now >= introduced.Value + options.AbsoluteLifetime || issued is null || issued.Value >= introduced.Value || subject is null)
        {
            logger.LogWarning("Refused a cookie from before server sessions: adoption is closed for it.");
            return null;
        }

        var session = new UserSession
        {
            Id = id,
            Subject = subject,
            Issuer = user.FindFirstValue(PortalClaims.Issuer) ?? "",
            ProviderSessionId = user.FindFirstValue(PortalClaims.SessionId),
            DisplayName = Truncate(user.Identity?.Name ?? "", 200),
            CreatedAt = issued.Value,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now + options.Lifetime,
            // Never past the end of adoption's own window.
            AbsoluteExpiresAt = Min(issued.Value + options.AbsoluteLifetime, introduced.Value + options.AbsoluteLifetime),
            Ticket = Protect(ticket),
        };
        db.UserSessions.Add(session);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Adopted a session cookie from before server sessions.");
        }
        catch (DbUpdateException)
        {
            // Another request or instance adopted the same cookie first: read what it stored.
            return await LoadAsync(id, cancellationToken);
        }

        return new CachedSession(ticket, session);
    }
}
