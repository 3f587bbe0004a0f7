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
public sealed class ContentBackup(ContentDbContext db, TimeProvider clock, RevisionRenderer renderer, Images.ImageCatalog images)
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
        var approvals = (await db.ApprovalRequests.AsNoTracking().Include(a => a.Revision).OrderBy(a => a.Id).ToListAsync(cancellationToken)).ToLookup(a => a.ContentItemId);
        var links = (await db.ConsultationLinks.AsNoTracking().Include(l => l.Revision).Include(l => l.Entries).OrderBy(l => l.Id).ToListAsync(cancellationToken))
            .ToLookup(l => l.ContentItemId);
        var libraryImages = await db.Images.AsNoTracking().Include(i => i.Renditions).OrderBy(i => i.Hash).ToListAsync(cancellationToken);
        return new BackupFile(
            Format,
            FormatVersion,
            clock.GetUtcNow().UtcDateTime,
            items.Select(i => BackupItem.From(i, dates[i.Id], schedules[i.Id]) with
            {
                Approvals = approvals[i.Id].Select(a => BackupApproval.From(a, a.Revision!.Number)).ToList(),
                ConsultationLinks = links[i.Id].Select(l => BackupConsultationLink.From(l, l.Revision!.Number)).ToList(),
            }).ToList(),
            redirects.Select(r => BackupRedirect.From(r, keys)).ToList(),
            audit.Select(a => BackupAuditEntry.From(a, keys)).ToList(),
            withConfirmations ? await ConfirmationsAsync(items, cancellationToken) : null,
            libraryImages.Select(BackupImage.From).ToList());
    }

    public async Task ExportAsync(Stream output, bool withConfirmations = false, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(output, await ReadAsync(withConfirmations, cancellationToken), Json, cancellationToken);

    /// <summary>A confirmed version names revisions by id; the file names them by item key and number ("mod:3").</summary>
    private async Task<List<BackupConfirmation>> ConfirmationsAsync(List<ContentItem> items, CancellationToken cancellationToken)
    {
        var names = items.SelectMany(i => i.Revisions.Select(r => (r.Id, Name: $"{i.Key}:{r.Number}"))).ToDictionary(x => x.Id, x => x.Name);
        var confirmations = await db.Confirmations.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return confirmations.Select(c => BackupConfirmation.From(c, names)).ToList();
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
            await db.ConsultationEntries.ExecuteDeleteAsync(cancellationToken);
            await db.ConsultationLinks.ExecuteDeleteAsync(cancellationToken);
            await db.ApprovalRequests.ExecuteDeleteAsync(cancellationToken);
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
            // A file from before the image library has no images: the library stays as it is.
            if (file.Images is not null)
            {
                await db.ImageRenditions.ExecuteDeleteAsync(cancellationToken);
                await db.Images.ExecuteDeleteAsync(cancellationToken);
            }
        }

        // Images first: the revisions' HTML is rendered with their sizes, which the catalog cannot
        // read from this transaction, so it is told them.
        var present = await db.Images.Select(i => i.Hash).ToListAsync(cancellationToken);
        var restoredImages = (file.Images ?? []).Where(i => !present.Contains(i.Hash)).Select(i => i.ToEntity()).ToList();
        db.Images.AddRange(restoredImages);
        restoredImages.ForEach(i => images.Remember(Images.ImageLibrary.SizesOf(i)));

        var now = clock.GetUtcNow().UtcDateTime;
        var items = file.Items.Select(b => (item: b.ToEntity(file.FormatVersion, now), b)).ToList();

        // The file's HTML is never trusted: every revision is rendered again from its Markdown.
        foreach (var (item, _) in items)
        {
            item.Revisions.ForEach(renderer.Render);
        }

        db.Items.AddRange(items.Select(x => x.item));
        await db.SaveChangesAsync(cancellationToken);

        // The pointers need the revisions' new ids.
        foreach (var (item, b) in items)
        {
            b.PointAtRevisions(item);
        }

        var ids = items.ToDictionary(x => x.item.Key, x => x.item.Id);
        int ItemId(string key) => ids.TryGetValue(key, out var id)
            ? id
            : throw new ContentBackupException($"Sikkerhedskopien henviser til »{key}«, som ikke er i filen.");
        db.CourseDates.AddRange(items.SelectMany(x => (x.b.Dates ?? []).Select(d => d.ToEntity(x.item.Id))));
        db.ScheduledActions.AddRange(items.SelectMany(x => (x.b.Schedules ?? []).Select(s => s.ToEntity(x.item))));
        db.ApprovalRequests.AddRange(items.SelectMany(x => (x.b.Approvals ?? []).Select(a => a.ToEntity(x.item))));
        db.ConsultationLinks.AddRange(items.SelectMany(x => (x.b.ConsultationLinks ?? []).Select(l => l.ToEntity(x.item))));
        db.SlugRedirects.AddRange((file.Redirects ?? []).Select(r => r.ToEntity(ItemId)));
        db.AuditEntries.AddRange((file.Audit ?? []).Select(a => a.ToEntity(ItemId)));
        var revisionIds = items.SelectMany(x => x.item.Revisions.Select(r => (Name: $"{x.item.Key}:{r.Number}", r.Id))).ToDictionary(x => x.Name, x => x.Id);
        db.Confirmations.AddRange((file.Confirmations ?? []).Select(c => c.ToEntity(revisionIds)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return items.Count;
    }
}

/// <summary>A backup that cannot be imported; the message is Danish and says why.</summary>
public sealed class ContentBackupException(string message, Exception? inner = null) : Exception(message, inner);
