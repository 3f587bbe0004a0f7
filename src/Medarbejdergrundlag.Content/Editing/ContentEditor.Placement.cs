using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>Where an item stands rather than what it says: archived or not, and its place among its kind.</summary>
public sealed partial class ContentEditor
{
    /// <summary>A scheduled archive, on the same path as archiving by hand.</summary>
    internal Task<EditResult> ArchiveScheduledAsync(int id, EditorRef scheduledBy, string note) =>
        WriteAsync(id, expectedVersion: null, item => Task.FromResult(Archive(item, archived: true, scheduledBy, note)));

    /// <summary>Archiving hides an item from the public site; nothing is deleted, and it can be brought back.</summary>
    public Task<EditResult> SetArchivedAsync(int id, bool archived, int expectedVersion, EditorRef user) =>
        WriteAsync(id, expectedVersion, item => Task.FromResult(Archive(item, archived, user, note: null)));

    private EditResult Archive(ContentItem item, bool archived, EditorRef user, string? note)
    {
        if (item.IsArchived == archived)
        {
            return EditResult.Invalid(archived ? "Indholdet er allerede arkiveret." : "Indholdet er ikke arkiveret.");
        }

        item.IsArchived = archived;
        if (!archived)
        {
            HoldExpiry(item);
        }

        Touch(item, user);
        Audit(archived ? AuditAction.Archived : AuditAction.Unarchived, item, item.CurrentRevision!.Title, user, note ?? "");
        return EditResult.Done(item);
    }

    /// <summary>Swaps the item with its neighbour among the items of its kind (offset -1: up, +1: down).</summary>
    public async Task<EditResult> MoveAsync(int id, int offset, EditorRef user)
    {
        var item = await FindAsync(id);
        if (item is null)
        {
            return EditResult.NotFound();
        }

        var siblings = await db.Items.Where(i => i.Kind == item.Kind && !i.IsArchived)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync();
        var index = siblings.FindIndex(i => i.Id == id);
        var target = index + Math.Sign(offset);
        if (index < 0 || target < 0 || target >= siblings.Count)
        {
            return EditResult.Invalid(offset < 0 ? "Det er allerede det første." : "Det er allerede det sidste.");
        }

        // Renumber the whole kind so equal or missing sort orders can never make a move a no-op.
        (siblings[index], siblings[target]) = (siblings[target], siblings[index]);
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i].SortOrder != i + 1)
            {
                siblings[i].SortOrder = i + 1;
                siblings[i].Version++;
            }
        }

        Touch(item, user);
        Audit(AuditAction.Reordered, item, item.CurrentRevision!.Title, user,
            $"Flyttet {(offset < 0 ? "op" : "ned")} til plads {target + 1} af {siblings.Count}.");
        return await SaveAsync(item);
    }
}
