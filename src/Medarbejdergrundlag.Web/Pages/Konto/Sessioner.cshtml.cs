using System.Security.Claims;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>
/// The signed-in user's own sessions, and ending all but this one ("Log ud andre steder").
/// </summary>
public sealed class SessionerModel(ContentDbContext db, SessionStore store, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];

    public string? CurrentId { get; private set; }

    [TempData]
    public int? Ended { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        CurrentId = HttpContext.Items[SessionStore.CurrentSessionItem] as string;
        var subject = Subject();
        var now = clock.GetUtcNow().UtcDateTime;
        Sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.Subject == subject && s.EndedAt == null && s.ExpiresAt > now && s.AbsoluteExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAndreAsync(CancellationToken cancellationToken)
    {
        var current = HttpContext.Items[SessionStore.CurrentSessionItem] as string ?? "";
        var subject = Subject();
        Ended = await store.EndAsync(s => s.Subject == subject && s.Id != current, cancellationToken);
        return RedirectToPage();
    }

    private string Subject() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
}
