using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>The file: its own records, never the domain types, so the model can change and old files still read.</summary>
public sealed record BackupFile(
    string Format,
    int FormatVersion,
    DateTime ExportedAt,
    List<BackupItem> Items,
    List<BackupRedirect>? Redirects,
    List<BackupAuditEntry>? Audit,
    List<BackupConfirmation>? Confirmations = null,
    List<BackupImage>? Images = null);

/// <summary>
/// A reader's confirmation, only in files exported with <c>--with-confirmations</c>: the charter
/// version as item key and revision number ("mod:3"), since ids differ between databases.
/// </summary>
public sealed record BackupConfirmation(string SubjectId, List<string> Revisions, DateTime ConfirmedAt, string? Forvaltning)
{
    /// <param name="names">revision ids to "key:number".</param>
    public static BackupConfirmation From(Confirmation c, IReadOnlyDictionary<int, string> names) => new(
        c.SubjectId,
        Confirmations.CharterVersion.Parse(c.Version).Where(names.ContainsKey).Select(id => names[id]).Order(StringComparer.Ordinal).ToList(),
        c.ConfirmedAt,
        c.Forvaltning);

    /// <param name="ids">"key:number" to the restored revisions' ids.</param>
    public Confirmation ToEntity(IReadOnlyDictionary<string, int> ids) => new()
    {
        SubjectId = SubjectId,
        Version = string.Join(',', Revisions.Select(name => ids.TryGetValue(name, out var id)
            ? id
            : throw new ContentBackupException($"En bekræftelse henviser til »{name}«, som ikke er i filen.")).Order()),
        ConfirmedAt = ConfirmedAt,
        Forvaltning = Forvaltning,
    };
}

/// <summary>An old address of an item, by the item's key.</summary>
public sealed record BackupRedirect(ContentKind Kind, string Slug, string ItemKey, DateTime CreatedAt)
{
    public static BackupRedirect From(SlugRedirect r, IReadOnlyDictionary<int, string> keys) => new(r.Kind, r.Slug, keys[r.ContentItemId], r.CreatedAt);

    public SlugRedirect ToEntity(Func<string, int> itemId) => new() { Kind = Kind, Slug = Slug, ContentItemId = itemId(ItemKey), CreatedAt = CreatedAt };
}

/// <summary>An audit log line; the item by its key, since ids differ between databases.</summary>
/// <remarks><see cref="UserId"/> is absent in files from before subject ids were recorded.</remarks>
public sealed record BackupAuditEntry(DateTime At, string User, AuditAction Action, string? ItemKey, string ItemTitle, string Details, string? UserId = null)
{
    public static BackupAuditEntry From(AuditEntry a, IReadOnlyDictionary<int, string> keys) =>
        new(a.At, a.User, a.Action, a.ContentItemId is { } id && keys.TryGetValue(id, out var key) ? key : null, a.ItemTitle, a.Details, a.UserId);

    public AuditEntry ToEntity(Func<string, int> itemId) => new()
    {
        At = At,
        User = User,
        UserId = UserId ?? "",
        Action = Action,
        ContentItemId = ItemKey is null ? null : itemId(ItemKey),
        ItemTitle = ItemTitle,
        Details = Details,
    };
}
