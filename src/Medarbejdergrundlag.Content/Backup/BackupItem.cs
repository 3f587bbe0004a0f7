using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>An item with everything that belongs to it: revisions, dates and schedules. Revisions by number, never by id.</summary>
public sealed record BackupItem(
    ContentKind Kind,
    string Key,
    int SortOrder,
    bool IsArchived,
    int? PublishedRevision,
    int? CurrentRevision,
    int Version,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string UpdatedBy,
    List<BackupRevision> Revisions,
    List<BackupCourseDate>? Dates,
    string? OwnerId = null,
    string? OwnerName = null,
    DateOnly? ReviewBy = null,
    DateTime? LastReviewedAt = null,
    string? LastReviewedBy = null,
    List<BackupSchedule>? Schedules = null)
{
    /// <summary>The English translation the English pages show (a revision number); none in format 1.</summary>
    public int? PublishedEnglishRevision { get; init; }

    public int? CurrentEnglishRevision { get; init; }

    /// <summary>Courses: "Behold efter sidste dato"; null on other kinds and in files from before course expiry.</summary>
    public bool? KeepAfterLastDate { get; init; }

    /// <summary>Courses: last dates ending up to this (UTC) no longer expire the course.</summary>
    public DateTime? ExpiryHandledThrough { get; init; }

    /// <summary>Approval requests and decisions; null in files from before approvals.</summary>
    public List<BackupApproval>? Approvals { get; init; }

    /// <summary>Consultation links (hashes only) with their opens and comments; null in files from before them.</summary>
    public List<BackupConsultationLink>? ConsultationLinks { get; init; }

    /// <param name="item">with its revisions loaded.</param>
    public static BackupItem From(ContentItem item, IEnumerable<CourseDate> dates, IEnumerable<Scheduling.ScheduledAction> schedules)
    {
        int? NumberOf(int? revisionId) => item.Revisions.SingleOrDefault(r => r.Id == revisionId)?.Number;
        return new BackupItem(
            item.Kind, item.Key, item.SortOrder, item.IsArchived, NumberOf(item.PublishedRevisionId), NumberOf(item.CurrentRevisionId),
            item.Version, item.CreatedAt, item.UpdatedAt, item.UpdatedBy,
            item.Revisions.OrderBy(r => r.Number).Select(r => BackupRevision.From(r, NumberOf)).ToList(),
            dates.OrderBy(d => d.StartsAt).ThenBy(d => d.Id).Select(BackupCourseDate.From).ToList(),
            item.OwnerId, item.OwnerName, item.ReviewBy, item.LastReviewedAt, item.LastReviewedBy,
            schedules.Select(s => BackupSchedule.From(s, NumberOf(s.RevisionId))).ToList())
        {
            PublishedEnglishRevision = NumberOf(item.PublishedEnglishRevisionId),
            CurrentEnglishRevision = NumberOf(item.CurrentEnglishRevisionId),
            KeepAfterLastDate = ContentKinds.Of(item.Kind).Expires ? item.KeepAfterLastDate : null,
            ExpiryHandledThrough = item.ExpiryHandledThrough,
        };
    }

    /// <summary>
    /// The item and its revisions, unsaved and not yet rendered. Pointers to revisions need their
    /// ids, so <see cref="PointAtRevisions"/> sets them after the first save.
    /// </summary>
    /// <param name="now">A course from a file made before course expiry is treated as the upgrade treats an
    /// old database: its last dates up to now are dealt with, so none is archived at once.</param>
    public ContentItem ToEntity(int formatVersion, DateTime now)
    {
        var item = new ContentItem
        {
            Kind = Kind,
            Key = Key,
            SortOrder = SortOrder,
            IsArchived = IsArchived,
            Version = Version,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            UpdatedBy = UpdatedBy,
            OwnerId = OwnerId,
            OwnerName = OwnerName,
            ReviewBy = ReviewBy,
            LastReviewedAt = LastReviewedAt,
            LastReviewedBy = LastReviewedBy,
            KeepAfterLastDate = KeepAfterLastDate ?? false,
            ExpiryHandledThrough = ContentKinds.Of(Kind).Expires && KeepAfterLastDate is null ? now : ExpiryHandledThrough,
        };
        // Numbers are unique within an item (the database's index): a tampered file with two of one
        // number is refused here, in Danish, rather than by the database or by Single below.
        if (Revisions.GroupBy(r => r.Number).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ContentBackupException($"'{Key}' har flere versioner med nummer {twice.Key} i filen.");
        }

        item.Revisions.AddRange(Revisions.Select(r => r.ToEntity(Kind, formatVersion)));

        // A translation's Danish revision, inserted first by the same save.
        foreach (var r in Revisions.Where(r => r.TranslatedFromRevision is not null))
        {
            item.Revisions.Single(x => x.Number == r.Number).TranslatedFrom =
                item.Revisions.SingleOrDefault(x => x.Number == r.TranslatedFromRevision)
                ?? throw new ContentBackupException($"Oversættelsen »{r.Title}« (version {r.Number}) henviser til en version, der ikke er i filen.");
        }

        return item;
    }

    public void PointAtRevisions(ContentItem item)
    {
        item.PublishedRevisionId = RevisionId(item, PublishedRevision);
        item.CurrentRevisionId = RevisionId(item, CurrentRevision);
        item.PublishedEnglishRevisionId = RevisionId(item, PublishedEnglishRevision);
        item.CurrentEnglishRevisionId = RevisionId(item, CurrentEnglishRevision);
    }

    /// <summary>The saved revision's id for a number in the file.</summary>
    public static int? RevisionId(ContentItem item, int? number) =>
        number is null
            ? null
            : item.Revisions.SingleOrDefault(r => r.Number == number)?.Id
              ?? throw new ContentBackupException($"'{item.Key}' peger på revision {number}, som ikke er i filen.");
}

/// <summary>A course date (hold), kept with its course.</summary>
public sealed record BackupCourseDate(
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int? Capacity,
    int? SeatsTaken,
    CourseDateStatus Status,
    bool IsRemoved,
    int Version,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime UpdatedAt,
    string UpdatedBy)
{
    /// <summary>A date of several days: its days. Absent in files from before such dates (one day or one span).</summary>
    public List<DateOnly>? Days { get; init; }

    public static BackupCourseDate From(CourseDate d) =>
        new(d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.IsRemoved, d.Version, d.CreatedAt, d.CreatedBy, d.UpdatedAt, d.UpdatedBy)
        {
            Days = d.Days.Count > 0 ? [.. d.Days] : null,
        };

    public CourseDate ToEntity(int itemId) => new()
    {
        ContentItemId = itemId,
        StartsAt = StartsAt,
        EndsAt = EndsAt,
        Days = Days ?? [],
        Location = Location,
        Capacity = Capacity,
        SeatsTaken = SeatsTaken,
        Status = Status,
        IsRemoved = IsRemoved,
        Version = Version,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        UpdatedAt = UpdatedAt,
        UpdatedBy = UpdatedBy,
    };
}

/// <summary>A scheduled publish or archive, kept with its item; the revision by its number. Absent in files from before schedules.</summary>
public sealed record BackupSchedule(
    Scheduling.ScheduledActionKind Kind,
    int? RevisionNumber,
    DateTime DueAt,
    Scheduling.ScheduleState State,
    DateTime ScheduledAt,
    string ScheduledBy,
    string ScheduledById,
    DateTime? RanAt,
    string? Failure,
    string? ClosedBy,
    DateTime? ClosedAt,
    int Version)
{
    public static BackupSchedule From(Scheduling.ScheduledAction s, int? revisionNumber) =>
        new(s.Kind, revisionNumber, s.DueAt, s.State, s.ScheduledAt, s.ScheduledBy, s.ScheduledById, s.RanAt, s.Failure, s.ClosedBy, s.ClosedAt, s.Version);

    public Scheduling.ScheduledAction ToEntity(ContentItem item) => new()
    {
        ContentItemId = item.Id,
        Kind = Kind,
        RevisionId = BackupItem.RevisionId(item, RevisionNumber),
        DueAt = DueAt,
        State = State,
        ScheduledAt = ScheduledAt,
        ScheduledBy = ScheduledBy,
        ScheduledById = ScheduledById,
        RanAt = RanAt,
        Failure = Failure,
        ClosedBy = ClosedBy,
        ClosedAt = ClosedAt,
        Version = Version,
    };
}
