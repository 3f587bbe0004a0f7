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

    public const int FormatVersion = 1;

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
                        r.PointsMarkdown, r.PointsHtml, r.PlainText, r.CreatedAt, r.CreatedBy, r.ChangeNote,
                        r.DialogQuestionsMarkdown, r.DialogQuestionsHtml,
                        r.Audience, r.Forvaltning, r.LengthDays, r.BearingKeys, r.SignUp, r.CreatedById,
                        r.PublishedAt, r.IsMaterialChange)).ToList(),
                    dates[i.Id].OrderBy(d => d.StartsAt).ThenBy(d => d.Id).Select(d => new BackupCourseDate(
                        d.StartsAt, d.EndsAt, d.Location, d.Capacity, d.SeatsTaken, d.Status, d.IsRemoved, d.Version,
                        d.CreatedAt, d.CreatedBy, d.UpdatedAt, d.UpdatedBy)).ToList());
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

        if (file.FormatVersion != FormatVersion)
        {
            throw new ContentBackupException($"Sikkerhedskopien har formatversion {file.FormatVersion}; denne version kan kun indlæse {FormatVersion}.");
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
            await db.AuditEntries.ExecuteDeleteAsync(cancellationToken);
            // Confirmations name revisions by id, and the restored revisions get new ids: the file's
            // confirmations (if it has any) replace them.
            await db.Confirmations.ExecuteDeleteAsync(cancellationToken);
            await db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.PublishedRevisionId, (int?)null).SetProperty(i => i.CurrentRevisionId, (int?)null), cancellationToken);
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
            };
            item.Revisions.AddRange(b.Revisions.Select(r => new ContentRevision
            {
                Number = r.Number,
                Title = r.Title,
                Slug = r.Slug,
                LeadMarkdown = r.LeadMarkdown,
                BodyMarkdown = r.BodyMarkdown,
                PointsMarkdown = r.PointsMarkdown,
                CreatedAt = r.CreatedAt,
                CreatedBy = r.CreatedBy,
                CreatedById = r.CreatedById ?? "",
                ChangeNote = r.ChangeNote,
                DialogQuestionsMarkdown = r.DialogQuestionsMarkdown ?? "",
                Audience = r.Audience,
                Forvaltning = r.Forvaltning,
                LengthDays = r.LengthDays,
                BearingKeys = r.BearingKeys,
                SignUp = r.SignUp,
                PublishedAt = r.PublishedAt,
                IsMaterialChange = r.IsMaterialChange ?? false,
            }));

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
    List<BackupCourseDate>? Dates);

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
    string PointsMarkdown,
    string PointsHtml,
    string PlainText,
    DateTime CreatedAt,
    string CreatedBy,
    string? ChangeNote,
    string? DialogQuestionsMarkdown,
    string? DialogQuestionsHtml,
    string? Audience,
    string? Forvaltning,
    decimal? LengthDays,
    string? BearingKeys,
    string? SignUp,
    string? CreatedById = null,
    DateTime? PublishedAt = null,
    bool? IsMaterialChange = null);

/// <summary>A backup that cannot be imported; the message is Danish and says why.</summary>
public sealed class ContentBackupException(string message, Exception? inner = null) : Exception(message, inner);
