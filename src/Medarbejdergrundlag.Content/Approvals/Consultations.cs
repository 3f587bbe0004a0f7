using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Approvals;

/// <summary>What a consultation link's address leads to.</summary>
public enum ConsultationState
{
    Open,
    NotFound,
    Revoked,
    Expired,
    Published,
    Superseded,
}

/// <summary>An open link with its revision and the item (with its published revision, for the diff).</summary>
public sealed record ConsultationView(ConsultationState State, ConsultationLink? Link = null, ContentItem? Item = null, ContentRevision? Revision = null)
{
    /// <summary>Why the link no longer shows the draft, in Danish, for the 410 page.</summary>
    public string? Why => State switch
    {
        ConsultationState.Revoked => "Linket er tilbagekaldt af en redaktør.",
        ConsultationState.Expired => "Linket er udløbet.",
        ConsultationState.Published => "Udkastet er blevet udgivet. Den udgivne tekst kan læses på portalen.",
        ConsultationState.Superseded => "Der er gemt en nyere version af teksten, så dette udkast er ikke længere aktuelt.",
        _ => null,
    };
}

/// <summary>
/// Høringslinks (issue 27): an editor makes one for the saved draft; any signed-in reader with the
/// address reads that revision and may comment. The token (256 random bits) is shown once and stored
/// only as its SHA-256 hash. Expiry uses the app's clock, so a test can move it.
/// </summary>
public sealed class Consultations(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 30;
    public const int MaxComment = 2000;

    /// <summary>A reader's opens are recorded at most this often, so reloading does not fill the table.</summary>
    private static readonly TimeSpan OpenInterval = TimeSpan.FromHours(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Makes a link for the item's saved Danish draft; the token comes back once, never stored.</summary>
    public async Task<(EditResult Result, string? Token)> CreateAsync(int itemId, int revisionNumber, int? days, EditorRef user)
    {
        if (await editor.FindAsync(itemId) is not { } item)
        {
            return (EditResult.NotFound(), null);
        }

        if (item.CurrentRevision is not { } draft || draft.Number != revisionNumber)
        {
            return (EditResult.Invalid("Der er gemt en nyere version, mens du så på siden. Se den igennem, og lav så linket."), null);
        }

        if (draft.Id == item.PublishedRevisionId)
        {
            return (EditResult.Invalid("Der er ingen kladde: den gemte version er den udgivne. Gem ændringerne som kladde først."), null);
        }

        var valid = days ?? DefaultDays;
        if (valid is < 1 or > MaxDays)
        {
            return (EditResult.Invalid(new Dictionary<string, string> { ["Days"] = $"Linket kan gælde fra 1 til {MaxDays} dage." }), null);
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        db.ConsultationLinks.Add(new ConsultationLink
        {
            ContentItemId = item.Id,
            RevisionId = draft.Id,
            TokenHash = Hash(token),
            CreatedAt = Now,
            CreatedBy = user.Name,
            CreatedById = user.Id,
            ExpiresAt = Now.AddDays(valid),
        });
        editor.Audit(AuditAction.ConsultationLinkCreated, item, draft.Title, user, $"Version {draft.Number}. Gælder i {valid} dage.");
        await db.SaveChangesAsync();
        return (EditResult.Done(item, draft), token);
    }

    public async Task<EditResult> RevokeAsync(int itemId, int linkId, EditorRef user)
    {
        var link = await db.ConsultationLinks.Include(l => l.Revision).SingleOrDefaultAsync(l => l.Id == linkId && l.ContentItemId == itemId);
        if (link is null || await editor.FindAsync(itemId) is not { } item)
        {
            return EditResult.NotFound();
        }

        if (link.RevokedAt is not null)
        {
            return EditResult.Invalid("Linket er allerede tilbagekaldt.");
        }

        link.RevokedAt = Now;
        link.RevokedBy = user.Name;
        editor.Audit(AuditAction.ConsultationLinkRevoked, item, link.Revision!.Title, user, $"Version {link.Revision.Number}.");
        await db.SaveChangesAsync();
        return EditResult.Done(item);
    }

    /// <summary>What the address shows; an open link records that <paramref name="reader"/> opened it.</summary>
    public async Task<ConsultationView> OpenAsync(string token, EditorRef reader)
    {
        var view = await FindAsync(token);
        if (view.State == ConsultationState.Open)
        {
            var recent = Now - OpenInterval;
            if (!await db.ConsultationEntries.AnyAsync(e => e.ConsultationLinkId == view.Link!.Id && e.ReaderId == reader.Id && e.Comment == null && e.At > recent))
            {
                db.ConsultationEntries.Add(new ConsultationEntry { ConsultationLinkId = view.Link!.Id, At = Now, ReaderId = reader.Id, ReaderName = reader.Name });
                await db.SaveChangesAsync();
            }
        }

        return view;
    }

    /// <summary>A reader's comment on the draft; shown on the edit page and in the history with the reader's name.</summary>
    public async Task<(ConsultationView View, string? Error)> CommentAsync(string token, EditorRef reader, string? comment)
    {
        var view = await FindAsync(token);
        if (view.State != ConsultationState.Open)
        {
            return (view, null);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return (view, "Skriv en kommentar.");
        }

        if (comment.Trim().Length > MaxComment)
        {
            return (view, $"Kommentaren må højst være {MaxComment} tegn.");
        }

        db.ConsultationEntries.Add(new ConsultationEntry { ConsultationLinkId = view.Link!.Id, At = Now, ReaderId = reader.Id, ReaderName = reader.Name, Comment = comment.Trim() });
        editor.Audit(AuditAction.ConsultationCommented, view.Item, view.Revision!.Title, reader, $"Version {view.Revision.Number}: {comment.Trim()}");
        await db.SaveChangesAsync();
        return (view, null);
    }

    /// <summary>The item's links, newest first, with who opened and commented.</summary>
    public Task<List<ConsultationLink>> ForItemAsync(int itemId) =>
        db.ConsultationLinks.AsNoTracking().Include(l => l.Revision).Include(l => l.Entries.OrderBy(e => e.At))
            .Where(l => l.ContentItemId == itemId).OrderByDescending(l => l.Id).ToListAsync();

    private async Task<ConsultationView> FindAsync(string token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return new ConsultationView(ConsultationState.NotFound);
        }

        var hash = Hash(token);
        var link = await db.ConsultationLinks.Include(l => l.Revision).SingleOrDefaultAsync(l => l.TokenHash == hash);
        if (link is null || await editor.FindAsync(link.ContentItemId) is not { } item)
        {
            return new ConsultationView(ConsultationState.NotFound);
        }

        var state = link.RevokedAt is not null ? ConsultationState.Revoked
            : link.Revision!.PublishedAt is not null ? ConsultationState.Published
            : item.CurrentRevisionId != link.RevisionId ? ConsultationState.Superseded
            : Now >= link.ExpiresAt ? ConsultationState.Expired
            : ConsultationState.Open;
        return new ConsultationView(state, link, item, link.Revision);
    }
}
