using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>One row of the "Skal gennemgås" list.</summary>
public sealed record ReviewDue(int Id, string Title, ContentKind Kind, string? OwnerName, DateOnly ReviewBy, DateTime? LastReviewedAt, int Version)
{
    public bool Overdue(DateOnly today) => ReviewBy < today;
}

/// <summary>
/// Owners and review dates. Every item is due for review 12 months after each publish or review
/// (<see cref="ContentEditor.MarkReviewed"/>); editors can set an owner and another date, and mark
/// an item as reviewed without changing it. Each of these checks the item's version and writes an
/// audit entry, like every other change.
/// </summary>
public sealed class ReviewEditor(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    public const string ReviewByField = "ReviewBy";
    public const string OwnerField = "Owner";

    /// <summary>How far ahead the "Skal gennemgås" list looks.</summary>
    public const int DueWithinDays = 30;

    /// <summary>Today in Odense.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.ToCopenhagen());

    /// <summary>The review date an item has, also for items from before review dates existed.</summary>
    public static DateOnly EffectiveReviewBy(ContentItem item) => EffectiveReviewBy(item.ReviewBy, item.UpdatedAt);

    public static DateOnly EffectiveReviewBy(DateOnly? reviewBy, DateTime updatedAt) =>
        reviewBy ?? DateOnly.FromDateTime(updatedAt.ToCopenhagen()).AddMonths(ContentEditor.ReviewMonths);

    /// <summary>Items not archived whose review date has passed or comes within 30 days, most overdue first.</summary>
    public async Task<IReadOnlyList<ReviewDue>> DueAsync()
    {
        var rows = await db.Items.AsNoTracking()
            .Where(i => !i.IsArchived)
            .Select(i => new { i.Id, i.CurrentRevision!.Title, i.Kind, i.OwnerName, i.ReviewBy, i.UpdatedAt, i.LastReviewedAt, i.Version })
            .ToListAsync();
        return Due(rows.Select(r => new ReviewDue(r.Id, r.Title, r.Kind, r.OwnerName, EffectiveReviewBy(r.ReviewBy, r.UpdatedAt), r.LastReviewedAt, r.Version)));
    }

    /// <summary>
    /// Of <paramref name="notArchived"/> (every item not archived, with its effective review date), the
    /// ones <see cref="DueAsync"/> lists, in its order: for a page that has read the items already.
    /// </summary>
    public IReadOnlyList<ReviewDue> Due(IEnumerable<ReviewDue> notArchived)
    {
        var limit = Today.AddDays(DueWithinDays);
        return notArchived
            .Where(r => r.ReviewBy <= limit)
            .OrderBy(r => r.ReviewBy).ThenBy(r => r.Title, PortalCulture.DanishOrder)
            .ToList();
    }

    /// <summary>The editors an item can be given to: everyone who has made a change, by stable id, with their newest name.</summary>
    public async Task<IReadOnlyList<EditorRef>> KnownEditorsAsync(EditorRef current)
    {
        var people = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId != "")
            .GroupBy(a => a.UserId)
            .Select(g => new { Id = g.Key, Last = g.Max(a => a.Id) })
            .Join(db.AuditEntries, g => g.Last, a => a.Id, (g, a) => new { g.Id, a.User })
            .ToListAsync();
        // An author with no login id of its own (the seeded "Oprindeligt indhold", whose id is its
        // name) is not a person who can own content.
        return people.Select(p => new EditorRef(p.Id, p.User))
            .Where(p => p.Id != current.Id && p.Id != p.Name)
            .Prepend(current)
            .Where(p => p.Id.Length > 0)
            .OrderBy(p => p.Name, PortalCulture.DanishOrder)
            .ToList();
    }

    /// <summary>
    /// Sets the owner (one of <paramref name="known"/>, or none when <paramref name="ownerId"/> is empty)
    /// and the review date (typed as 24-03-2027).
    /// </summary>
    public async Task<EditResult> SetAsync(int id, int expectedVersion, string? ownerId, string? reviewBy, IReadOnlyList<EditorRef> known, EditorRef user)
    {
        var errors = new Dictionary<string, string>();
        var (date, dateError) = ScheduleText.ParseDate(reviewBy);
        if (dateError is not null)
        {
            errors[ReviewByField] = dateError;
        }

        EditorRef? owner = null;
        if (!string.IsNullOrEmpty(ownerId))
        {
            // EditorRef is a struct: FirstOrDefault alone would give an empty one, never null.
            owner = known.Where(k => k.Id == ownerId).Select(k => (EditorRef?)k).FirstOrDefault();
            if (owner is null)
            {
                errors[OwnerField] = "Vælg en ansvarlig fra listen.";
            }
        }

        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        var (item, failure) = await editor.LoadForWriteAsync(id, expectedVersion);
        if (item is null)
        {
            return failure!;
        }

        var changes = new List<string>();
        if (item.OwnerId != owner?.Id)
        {
            changes.Add($"Ansvarlig: {owner?.Name ?? "ingen"} (før: {item.OwnerName ?? "ingen"}).");
            (item.OwnerId, item.OwnerName) = (owner?.Id, owner?.Name);
        }

        var before = EffectiveReviewBy(item);
        if (before != date || item.ReviewBy is null)
        {
            if (before != date)
            {
                changes.Add($"Gennemgås senest {ScheduleText.Date(date!.Value)} (før: {ScheduleText.Date(before)}).");
            }

            item.ReviewBy = date;
        }

        if (changes.Count == 0)
        {
            return EditResult.Done(item);
        }

        item.Version++;
        editor.Audit(AuditAction.ReviewChanged, item, item.CurrentRevision!.Title, user, string.Join(" ", changes));
        return await editor.SaveAsync(item);
    }

    /// <summary>The item was looked at and needs no change: recorded, and the next review is 12 months on.</summary>
    public async Task<EditResult> MarkReviewedAsync(int id, int expectedVersion, EditorRef user)
    {
        var (item, failure) = await editor.LoadForWriteAsync(id, expectedVersion);
        if (item is null)
        {
            return failure!;
        }

        editor.MarkReviewed(item, user);
        item.Version++;
        editor.Audit(AuditAction.Reviewed, item, item.CurrentRevision!.Title, user,
            $"Gennemgået uden ændringer (udgivet version: {item.PublishedRevision?.Number.ToString(PortalCulture.Danish) ?? "ingen"}). Næste gennemgang senest {ScheduleText.Date(item.ReviewBy!.Value)}.");
        return await editor.SaveAsync(item);
    }
}
