using System.Text.Json;
using System.Text.Json.Serialization;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>
/// All content as one JSON file: every item with every revision, the old addresses and the audit
/// log, identified by the item's key and
/// the revision's number rather than by database ids, so a file made on one provider imports into
/// the other. Importing a file into an empty database and exporting again gives the same file.
/// The HTML in a file is only for people reading it: an import renders every revision again from
/// its Markdown, so a tampered file cannot bring script into the portal.
/// </summary>
public sealed class ContentBackup(ContentDbContext db, TimeProvider clock, RevisionRenderer renderer)
{
    public const string Format = "medarbejdergrundlag-backup";

    /// <summary>2: a kind's own fields are objects (<c>bearing</c>, <c>course</c>). Files of format 1 still import.</summary>
    public const int FormatVersion = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Danish letters as themselves: the file is read by people too. It is never served as HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="withConfirmations">
    /// Also the readers' confirmations. They are personal data (subject ids), so only an operator who
    /// asks for them explicitly gets them (<c>backup export FILE --with-confirmations</c>).
    /// </param>
    public async Task<BackupFile> ReadAsync(bool withConfirmations = false, CancellationToken cancellationToken = default)
    {
        var items = await db.Items.AsNoTracking().Include(i => i.Revisions)
            .OrderBy(i => i.Key)
            .ToListAsync(cancellationToken);
        var keys = items.ToDictionary(i => i.Id, i => i.Key);
        var dates = (await db.CourseDates.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(d => d.ContentItemId);
        var redirects = await db.SlugRedirects.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.Slug).ToListAsync(cancellationToken);
        var audit = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var schedules = (await db.ScheduledActions.AsNoTracking().Include(s => s.Revision).OrderBy(s => s.Id).ToListAsync(cancellationToken)).ToLookup(s => s.ContentItemId);
        return new BackupFile(
            Format,
            FormatVersion,
            clock.GetUtcNow().UtcDateTime,
            items.Select(i =>
            {
                int? NumberOf(int? revisionId) => i.Revisions.SingleOrDefault(r => r.Id == revisionId)?.Number;
                return new BackupItem(
                    i.Kind, i.Key, i.SortOrder, i.IsArchived, NumberOf(i.PublishedRevisionId), NumberOf(i.CurrentRevisionId),
                    i.Version, i.CreatedAt, i.UpdatedAt, i.UpdatedBy,
                    i.Revisions.OrderBy(r => r.Number).Select(r => new BackupRevision(
                        r.Number, r.Title, r.Slug, r.LeadMarkdown, r.LeadHtml, r.BodyMarkdown, r.BodyHtml,
                        r.PlainText, r.CreatedAt, r.CreatedBy, r.ChangeNote, r.CreatedById)
                    {
                        Bearing = r.Bearing,
                        Course = r.Course,
                        Language = r.Language,
                        TranslatedFromRevision = NumberOf(r.TranslatedFromRevisionId),
                        PublishedAt = r.PublishedAt,
                        IsMaterialChange = r.IsMaterialChange,
                    }).ToList(),
                    dates[i.Id].OrderBy(d => d.StartsAt).ThenBy(d => d.Id).Select(d => new BackupCourseDate(
                        d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.IsRemoved, d.Version,
                        d.CreatedAt, d.CreatedBy, d.UpdatedAt, d.UpdatedBy)).ToList(),
                    i.OwnerId, i.OwnerName, i.ReviewBy, i.LastReviewedAt, i.LastReviewedBy,
                    schedules[i.Id].Select(s => new BackupSchedule(
                        s.Kind, s.Revision?.Number, s.DueAt, s.State, s.ScheduledAt, s.ScheduledBy, s.ScheduledById,
                        s.RanAt, s.Failure, s.ClosedBy, s.ClosedAt, s.Version)).ToList())
                {
                    PublishedEnglishRevision = NumberOf(i.PublishedEnglishRevisionId),
                    CurrentEnglishRevision = NumberOf(i.CurrentEnglishRevisionId),
                    KeepAfterLastDate = i.Kind == ContentKind.Course ? i.KeepAfterLastDate : null,
                    ExpiryHandledThrough = i.ExpiryHandledThrough,
                };
            }).ToList(),
            redirects.Select(r => new BackupRedirect(r.Kind, r.Slug, keys[r.ContentItemId], r.CreatedAt)).ToList(),
            audit.Select(a => new BackupAuditEntry(
                a.At, a.User, a.Action, a.ContentItemId is { } id && keys.TryGetValue(id, out var key) ? key : null, a.ItemTitle, a.Details, a.UserId)).ToList(),
            withConfirmations ? await ConfirmationsAsync(items, cancellationToken) : null);
    }

    public async Task ExportAsync(Stream output, bool withConfirmations = false, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(output, await ReadAsync(withConfirmations, cancellationToken), Json, cancellationToken);

    /// <summary>A confirmed version names revisions by id; the file names them by item key and number ("mod:3").</summary>
    private async Task<List<BackupConfirmation>> ConfirmationsAsync(List<ContentItem> items, CancellationToken cancellationToken)
    {
        var names = items.SelectMany(i => i.Revisions.Select(r => (r.Id, Name: $"{i.Key}:{r.Number}"))).ToDictionary(x => x.Id, x => x.Name);
        var confirmations = await db.Confirmations.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return confirmations.Select(c => new BackupConfirmation(
                c.SubjectId,
                Confirmations.CharterVersion.Parse(c.Version).Where(names.ContainsKey).Select(id => names[id]).Order(StringComparer.Ordinal).ToList(),
                c.ConfirmedAt,
                c.Forvaltning))
            .ToList();
    }

    /// <summary>
    /// Restores a file. Into a database that already has content only when <paramref name="force"/>
    /// is set, and then the existing content is replaced. All or nothing: one transaction.
    /// </summary>
    public async Task<int> ImportAsync(Stream input, bool force, CancellationToken cancellationToken = default)
    {
        BackupFile? file;
        try
        {
            file = await JsonSerializer.DeserializeAsync<BackupFile>(input, Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new ContentBackupException("Filen er ikke en sikkerhedskopi af medarbejdergrundlaget (ugyldig JSON).", ex);
        }

        if (file is null || file.Format != Format || file.Items is null)
        {
            throw new ContentBackupException("Filen er ikke en sikkerhedskopi af medarbejdergrundlaget.");
        }

        if (file.FormatVersion is < 1 or > FormatVersion)
        {
            throw new ContentBackupException($"Sikkerhedskopien har formatversion {file.FormatVersion}; denne version kan kun indlæse 1 til {FormatVersion}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Items.AnyAsync(cancellationToken))
        {
            if (!force)
            {
                throw new ContentBackupException("Databasen har allerede indhold. Indlæsning erstatter alt indhold og sker kun, når det udtrykkeligt ønskes (--force).");
            }

            // A forced restore returns the whole store to the file's state, its history included.
            await db.SlugRedirects.ExecuteDeleteAsync(cancellationToken);
            await db.CourseDates.ExecuteDeleteAsync(cancellationToken);
            await db.ScheduledActions.ExecuteDeleteAsync(cancellationToken);
            await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
            // Confirmations name revisions by id, and the restored revisions get new ids: the file's
            // confirmations (if it has any) replace them.
            await db.Confirmations.ExecuteDeleteAsync(cancellationToken);
            await db.Items.ExecuteUpdateAsync(s => s
                .SetProperty(i => i.PublishedRevisionId, (int?)null).SetProperty(i => i.CurrentRevisionId, (int?)null)
                .SetProperty(i => i.PublishedEnglishRevisionId, (int?)null).SetProperty(i => i.CurrentEnglishRevisionId, (int?)null), cancellationToken);
            await db.Revisions.ExecuteUpdateAsync(s => s.SetProperty(r => r.TranslatedFromRevisionId, (int?)null), cancellationToken);
            await db.Revisions.ExecuteDeleteAsync(cancellationToken);
            await db.Items.ExecuteDeleteAsync(cancellationToken);
        }

        var items = file.Items.Select(b =>
        {
            var item = new ContentItem
            {
                Kind = b.Kind,
                Key = b.Key,
                SortOrder = b.SortOrder,
                IsArchived = b.IsArchived,
                Version = b.Version,
                CreatedAt = b.CreatedAt,
                UpdatedAt = b.UpdatedAt,
                UpdatedBy = b.UpdatedBy,
                OwnerId = b.OwnerId,
                OwnerName = b.OwnerName,
                ReviewBy = b.ReviewBy,
                LastReviewedAt = b.LastReviewedAt,
                LastReviewedBy = b.LastReviewedBy,
                KeepAfterLastDate = b.KeepAfterLastDate ?? false,
                // A course from a file made before course expiry is treated as the upgrade treats an
                // old database: its last dates up to now are dealt with, so none is archived at once.
                ExpiryHandledThrough = b.Kind == ContentKind.Course && b.KeepAfterLastDate is null
                    ? clock.GetUtcNow().UtcDateTime
                    : b.ExpiryHandledThrough,
            };
            item.Revisions.AddRange(b.Revisions.Select(r => new ContentRevision
            {
                Number = r.Number,
                Title = r.Title,
                Slug = r.Slug,
                LeadMarkdown = r.LeadMarkdown,
                BodyMarkdown = r.BodyMarkdown,
                Bearing = file.FormatVersion == 1 ? r.LegacyBearingDetails(b.Kind) : r.Bearing,
                Course = file.FormatVersion == 1 ? r.LegacyCourseDetails(b.Kind) : r.Course,
                Language = r.Language,
                CreatedAt = r.CreatedAt,
                CreatedBy = r.CreatedBy,
                CreatedById = r.CreatedById ?? "",
                ChangeNote = r.ChangeNote,
                PublishedAt = r.PublishedAt,
                IsMaterialChange = r.IsMaterialChange ?? false,
            }));

            // A translation's Danish revision, inserted first by the same save.
            foreach (var r in b.Revisions.Where(r => r.TranslatedFromRevision is not null))
            {
                item.Revisions.Single(x => x.Number == r.Number).TranslatedFrom =
                    item.Revisions.SingleOrDefault(x => x.Number == r.TranslatedFromRevision)
                    ?? throw new ContentBackupException($"Oversættelsen »{r.Title}« (version {r.Number}) henviser til en version, der ikke er i filen.");
            }

            // The file's HTML is never trusted: every revision is rendered again from its Markdown.
            item.Revisions.ForEach(renderer.Render);
            return (item, b);
        }).ToList();
        db.Items.AddRange(items.Select(x => x.item));
        await db.SaveChangesAsync(cancellationToken);

        // The pointers need the revisions' new ids.
        foreach (var (item, b) in items)
        {
            item.PublishedRevisionId = RevisionId(item, b.PublishedRevision);
            item.CurrentRevisionId = RevisionId(item, b.CurrentRevision);
            item.PublishedEnglishRevisionId = RevisionId(item, b.PublishedEnglishRevision);
            item.CurrentEnglishRevisionId = RevisionId(item, b.CurrentEnglishRevision);
        }

        var ids = items.ToDictionary(x => x.item.Key, x => x.item.Id);
        int ItemId(string key) => ids.TryGetValue(key, out var id)
            ? id
            : throw new ContentBackupException($"Sikkerhedskopien henviser til »{key}«, som ikke er i filen.");
        db.CourseDates.AddRange(items.SelectMany(x => (x.b.Dates ?? []).Select(d => new CourseDate
        {
            ContentItemId = x.item.Id,
            StartsAt = d.StartsAt,
            EndsAt = d.EndsAt,
            Location = d.Location,
            Capacity = d.Capacity,
            SeatsTaken = d.SeatsTaken,
            Status = d.Status,
            IsRemoved = d.IsRemoved,
            Version = d.Version,
            CreatedAt = d.CreatedAt,
            CreatedBy = d.CreatedBy,
            UpdatedAt = d.UpdatedAt,
            UpdatedBy = d.UpdatedBy,
        })));
        db.ScheduledActions.AddRange(items.SelectMany(x => (x.b.Schedules ?? []).Select(s => new Scheduling.ScheduledAction
        {
            ContentItemId = x.item.Id,
            Kind = s.Kind,
            RevisionId = RevisionId(x.item, s.RevisionNumber),
            DueAt = s.DueAt,
            State = s.State,
            ScheduledAt = s.ScheduledAt,
            ScheduledBy = s.ScheduledBy,
            ScheduledById = s.ScheduledById,
            RanAt = s.RanAt,
            Failure = s.Failure,
            ClosedBy = s.ClosedBy,
            ClosedAt = s.ClosedAt,
            Version = s.Version,
        })));
        db.SlugRedirects.AddRange((file.Redirects ?? []).Select(r => new SlugRedirect
        {
            Kind = r.Kind,
            Slug = r.Slug,
            ContentItemId = ItemId(r.ItemKey),
            CreatedAt = r.CreatedAt,
        }));
        db.AuditEntries.AddRange((file.Audit ?? []).Select(a => new AuditEntry
        {
            At = a.At,
            User = a.User,
            UserId = a.UserId ?? "",
            Action = a.Action,
            ContentItemId = a.ItemKey is null ? null : ItemId(a.ItemKey),
            ItemTitle = a.ItemTitle,
            Details = a.Details,
        }));
        var revisionIds = items.SelectMany(x => x.item.Revisions.Select(r => (Name: $"{x.item.Key}:{r.Number}", r.Id))).ToDictionary(x => x.Name, x => x.Id);
        db.Confirmations.AddRange((file.Confirmations ?? []).Select(c => new Confirmation
        {
            SubjectId = c.SubjectId,
            Version = string.Join(',', c.Revisions.Select(name => revisionIds.TryGetValue(name, out var id)
                ? id
                : throw new ContentBackupException($"En bekræftelse henviser til »{name}«, som ikke er i filen.")).Order()),
            ConfirmedAt = c.ConfirmedAt,
            Forvaltning = c.Forvaltning,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return items.Count;
    }

    private static int? RevisionId(ContentItem item, int? number) =>
        number is null
            ? null
            : item.Revisions.SingleOrDefault(r => r.Number == number)?.Id
              ?? throw new ContentBackupException($"'{item.Key}' peger på revision {number}, som ikke er i filen.");
}

public sealed record BackupFile(
    string Format,
    int FormatVersion,
    DateTime ExportedAt,
    List<BackupItem> Items,
    List<BackupRedirect>? Redirects,
    List<BackupAuditEntry>? Audit,
    List<BackupConfirmation>? Confirmations = null);

/// <summary>
/// A reader's confirmation, only in files exported with <c>--with-confirmations</c>: the charter
/// version as item key and revision number ("mod:3"), since ids differ between databases.
/// </summary>
public sealed record BackupConfirmation(string SubjectId, List<string> Revisions, DateTime ConfirmedAt, string? Forvaltning);

/// <summary>An old address of an item, by the item's key.</summary>
public sealed record BackupRedirect(ContentKind Kind, string Slug, string ItemKey, DateTime CreatedAt);

/// <summary>An audit log line; the item by its key, since ids differ between databases.</summary>
/// <summary><see cref="UserId"/> is absent in files from before subject ids were recorded.</summary>
public sealed record BackupAuditEntry(DateTime At, string User, AuditAction Action, string? ItemKey, string ItemTitle, string Details, string? UserId = null);

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
    int Version);

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
    string UpdatedBy);

public sealed record BackupRevision(
    int Number,
    string Title,
    string Slug,
    string LeadMarkdown,
    string LeadHtml,
    string BodyMarkdown,
    string BodyHtml,
    string PlainText,
    DateTime CreatedAt,
    string CreatedBy,
    string? ChangeNote,
    string? CreatedById = null)
{
    public BearingDetails? Bearing { get; init; }

    public CourseDetails? Course { get; init; }

    /// <summary>"da", or "en" for a translation; files of format 1 hold Danish only.</summary>
    public string Language { get; init; } = PortalCulture.DanishCode;

    /// <summary>A translation's Danish revision, by number.</summary>
    public int? TranslatedFromRevision { get; init; }

    /// <summary>When it became the published revision; none in files from before read confirmations.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>"Væsentlig ændring" at its publish.</summary>
    public bool? IsMaterialChange { get; init; }

    // Format 1 wrote a kind's own fields flat on the revision. They are read, to import such files,
    // and never written.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PointsMarkdown { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DialogQuestionsMarkdown { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Audience { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Forvaltning { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? LengthDays { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BearingKeys { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignUp { get; init; }

    /// <summary>A format 1 file's bearing fields.</summary>
    internal BearingDetails? LegacyBearingDetails(ContentKind kind) =>
        kind == ContentKind.Bearing || !string.IsNullOrEmpty(PointsMarkdown) || !string.IsNullOrEmpty(DialogQuestionsMarkdown)
            ? new BearingDetails { PointsMarkdown = PointsMarkdown ?? "", DialogQuestionsMarkdown = DialogQuestionsMarkdown ?? "" }
            : null;

    /// <summary>A format 1 file's course fields.</summary>
    internal CourseDetails? LegacyCourseDetails(ContentKind kind)
    {
        if (kind != ContentKind.Course)
        {
            return null;
        }

        return Courses.CourseTerms.ParseAudience(Audience) is { } audience && Courses.CourseTerms.ParseForvaltning(Forvaltning) is { } forvaltning
            ? new CourseDetails
            {
                Audience = audience,
                Forvaltning = forvaltning,
                LengthDays = LengthDays ?? 0,
                BearingKeys = (BearingKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
                SignUp = SignUp ?? "",
            }
            : throw new ContentBackupException($"Forløbet »{Title}« (version {Number}) mangler målgruppe eller forvaltning i sikkerhedskopien.");
    }
}

/// <summary>A backup that cannot be imported; the message is Danish and says why.</summary>
public sealed class ContentBackupException(string message, Exception? inner = null) : Exception(message, inner);
