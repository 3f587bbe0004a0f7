using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>
/// Where a course stands with its expiry: the end of its last date (every date not removed,
/// cancelled ones included) and what will happen when it passes.
/// </summary>
public sealed class CourseExpiryState
{
    public int ItemId { get; init; }

    /// <summary>UTC; null when the course has no dates (it then never expires).</summary>
    public DateTime? LastEnds { get; init; }

    public bool Keep { get; init; }

    public DateTime? HandledThrough { get; init; }

    public bool Published { get; init; }

    public bool Archived { get; init; }

    /// <summary>
    /// The rule, in one place (<see cref="CourseExpiry.States"/> computes it in the query): published,
    /// not archived, not kept, and a last date not yet dealt with, so that its end archives the course.
    /// </summary>
    public bool Expires { get; init; }

    /// <summary>What <see cref="ScheduleRunner"/> archives now: the last date has ended.</summary>
    public bool IsDue(DateTime now) => Expires && LastEnds <= now;

    /// <summary>A last date ahead that will archive the course when it has ended.</summary>
    public bool WillExpire(DateTime now) => Expires && LastEnds > now;

    /// <summary>The last date has ended, but the course stays (an editor brought it back, or it ended before the upgrade).</summary>
    public bool EndedAndKept(DateTime now) =>
        Published && !Archived && !Keep && LastEnds is { } last && last <= now && HandledThrough >= last;

    /// <summary>The overview's "Planlagt" line: "Udløber efter sidste dato 12. marts 2027 kl. 16.00", or null.</summary>
    public string? Note(DateTime now)
    {
        if (Archived || !Published || LastEnds is not { } last)
        {
            return null;
        }

        if (Keep)
        {
            return "Beholdes efter sidste dato";
        }

        if (WillExpire(now))
        {
            return $"Udløber efter sidste dato {ScheduleText.When(last)}";
        }

        return IsDue(now)
            ? $"Arkiveres nu: sidste dato var {ScheduleText.When(last)}"
            : $"Sidste dato var {ScheduleText.Date(DateOnly.FromDateTime(last.ToCopenhagen()))}; udløber ikke af sig selv";
    }
}

/// <summary>
/// Courses expire: a published course whose dates have all ended is archived automatically by
/// <see cref="ScheduleRunner"/> (a rule it evaluates, not a schedule row, because dates change in
/// place), unless an editor chose "Behold efter sidste dato". A course without dates never expires.
/// An editor's own step (publishing, bringing back, switching the choice off) never archives at
/// once: <see cref="ContentItem.ExpiryHandledThrough"/> records that the last date up to then is dealt with.
/// </summary>
public sealed class CourseExpiry(ContentDbContext db, ContentEditor editor, TimeProvider clock)
{
    /// <summary>Who the automatic archive is recorded as. No subject id: it is nobody's to own.</summary>
    public static readonly EditorRef Automatic = new("", "Portalen (automatisk)");

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every course's expiry state, by item id.</summary>
    public async Task<IReadOnlyDictionary<int, CourseExpiryState>> ForCoursesAsync() =>
        await States(db).ToDictionaryAsync(s => s.ItemId);

    public Task<CourseExpiryState?> ForItemAsync(int id) => States(db).SingleOrDefaultAsync(s => s.ItemId == id);

    /// <summary>The kinds that expire after their last date.</summary>
    internal static readonly IReadOnlyList<ContentKind> Expiring = ContentKinds.All.Where(k => k.Expires).Select(k => k.Kind).ToList();

    /// <summary>The courses' states as one query, for the overview and for the runner's rule.</summary>
    internal static IQueryable<CourseExpiryState> States(ContentDbContext db) =>
        db.Items.AsNoTracking()
            .Where(i => Expiring.Contains(i.Kind))
            .Select(i => new { Item = i, LastEnds = db.CourseDates.Where(d => d.ContentItemId == i.Id && !d.IsRemoved).Max(d => (DateTime?)d.EndsAt) })
            .Select(c => new CourseExpiryState
            {
                ItemId = c.Item.Id,
                LastEnds = c.LastEnds,
                Keep = c.Item.KeepAfterLastDate,
                HandledThrough = c.Item.ExpiryHandledThrough,
                Published = c.Item.PublishedRevisionId != null,
                Archived = c.Item.IsArchived,
                Expires = c.Item.PublishedRevisionId != null && !c.Item.IsArchived && !c.Item.KeepAfterLastDate && c.LastEnds != null &&
                          (c.Item.ExpiryHandledThrough == null || c.Item.ExpiryHandledThrough < c.LastEnds),
            });

    /// <summary>"Behold efter sidste dato" on or off; version-checked and audited like any change.</summary>
    public async Task<EditResult> SetKeepAsync(int id, int expectedVersion, bool keep, EditorRef user)
    {
        var (item, failure) = await editor.LoadForWriteAsync(id, expectedVersion);
        if (item is null)
        {
            return failure!;
        }

        if (!ContentKinds.Of(item.Kind).Expires)
        {
            return EditResult.NotFound();
        }

        if (item.KeepAfterLastDate == keep)
        {
            return EditResult.Done(item);
        }

        item.KeepAfterLastDate = keep;
        if (!keep)
        {
            // Switching it off means "from now on": a last date that has already ended does not archive it at once.
            editor.HoldExpiry(item);
        }

        item.Version++;
        editor.Audit(AuditAction.Scheduled, item, item.CurrentRevision!.Title, user, keep
            ? "Behold efter sidste dato: forløbet bliver ikke arkiveret automatisk, når sidste hold er slut."
            : "Udløber efter sidste dato: forløbet bliver arkiveret automatisk, når sidste hold er slut.");
        return await editor.SaveAsync(item);
    }
}
