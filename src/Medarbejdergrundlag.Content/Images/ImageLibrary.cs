using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>Where an image is used: an item whose published text or draft names it.</summary>
public sealed record ImageUse(int ItemId, string Title, bool InDraftOnly);

/// <summary>An image as the library page lists it.</summary>
public sealed record LibraryEntry(LibraryImage Image, long StoredBytes, IReadOnlyList<ImageUse> UsedOn);

/// <summary>What an upload or a delete came to: the image, or Danish messages by field.</summary>
public sealed record ImageResult(LibraryImage? Image, IReadOnlyDictionary<string, string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImageResult Refused(string field, string message) => new(null, new Dictionary<string, string> { [field] = message });
}

/// <summary>
/// The image library (issue 29): upload (checked, re-encoded, stored in the content database so every
/// instance serves it and backups carry it), the list with where each image is used, and delete,
/// refused while any published text or draft still names the image.
/// </summary>
public sealed class ImageLibrary(ContentDbContext db, ImageCatalog catalog, ImageStore store, IOptions<ImageOptions> options, TimeProvider clock)
{
    public const string FileField = "Upload";
    public const string AltField = "AltDa";

    public async Task<ImageResult> UploadAsync(byte[] upload, string? altDa, string? altEn, bool decorative, EditorRef who, CancellationToken cancellationToken = default)
    {
        altDa = (altDa ?? "").Trim();
        altEn = (altEn ?? "").Trim();
        if (upload.Length == 0)
        {
            return ImageResult.Refused(FileField, "Vælg en billedfil (JPEG, PNG eller WebP).");
        }

        if (upload.LongLength > options.Value.MaxUploadBytes)
        {
            return ImageResult.Refused(FileField, TooLarge(options.Value.MaxUploadBytes));
        }

        if (!decorative && altDa.Length == 0)
        {
            return ImageResult.Refused(AltField, "Skriv en alternativ tekst, der siger, hvad billedet viser, eller markér billedet som dekorativt.");
        }

        if (altDa.Length > 500 || altEn.Length > 500)
        {
            return ImageResult.Refused(AltField, "Den alternative tekst må højst være 500 tegn. Beskriv billedet kort.");
        }

        var hash = ImageAddress.HashOf(upload);
        if (await db.Images.AsNoTracking().AnyAsync(i => i.Hash == hash, cancellationToken))
        {
            return ImageResult.Refused(FileField, "Billedet findes allerede i biblioteket.");
        }

        var processed = await ImageProcessor.ProcessAsync(upload, options.Value.MaxPixels, cancellationToken);
        if (processed.Refusal is { } refusal)
        {
            return ImageResult.Refused(FileField, refusal);
        }

        var image = new LibraryImage
        {
            Hash = hash,
            AltDa = decorative ? "" : altDa,
            AltEn = decorative ? "" : altEn,
            IsDecorative = decorative,
            UploadedById = who.Id,
            UploadedByName = who.Name,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            SourceFormat = ImageProcessor.Sniff(upload) ?? "",
            OriginalBytes = upload.LongLength,
            Width = processed.Width,
            Height = processed.Height,
        };
        image.Renditions.AddRange(processed.Renditions.Select(r => new ImageRendition { Width = r.Width, Height = r.Height, Format = r.Format, Bytes = r.Bytes }));
        db.Images.Add(image);
        await db.SaveChangesAsync(cancellationToken);
        catalog.Remember(SizesOf(image));
        return new ImageResult(image, new Dictionary<string, string>());
    }

    public static string TooLarge(long maxBytes) =>
        $"Filen er for stor. Et billede må højst fylde {maxBytes / 1024 / 1024} MB. Gør billedet mindre, og prøv igen.";

    public static ImageSizes SizesOf(LibraryImage image) =>
        new(image.Hash, image.Width, image.Height, image.Renditions.Select(r => (r.Width, r.Format)).ToList());

    /// <summary>Every image, newest first, with where it is used; unused images have an empty list.</summary>
    public async Task<IReadOnlyList<LibraryEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var images = await db.Images.AsNoTracking().OrderByDescending(i => i.UploadedAt).ThenByDescending(i => i.Id).ToListAsync(cancellationToken);
        var sizes = await db.ImageRenditions.AsNoTracking().GroupBy(r => r.ImageId)
            .Select(g => new { g.Key, Bytes = g.Sum(r => (long)r.Bytes.Length) }).ToDictionaryAsync(x => x.Key, x => x.Bytes, cancellationToken);
        var uses = await UsesAsync(cancellationToken);
        return images.Select(i => new LibraryEntry(i, sizes.GetValueOrDefault(i.Id), uses[i.Hash].ToList())).ToList();
    }

    /// <summary>
    /// The items whose published text or newest draft (Danish or English) names an image, by hash:
    /// the Markdown is scanned for <c>/billeder/{hash}</c>, so an image is "used" as soon as a draft
    /// names it, and stays used until no text does.
    /// </summary>
    public async Task<ILookup<string, ImageUse>> UsesAsync(CancellationToken cancellationToken = default)
    {
        var pointers = await db.Items.AsNoTracking()
            .Select(i => new { i.Id, i.PublishedRevisionId, i.CurrentRevisionId, i.PublishedEnglishRevisionId, i.CurrentEnglishRevisionId })
            .ToListAsync(cancellationToken);
        var published = pointers.SelectMany(p => new[] { p.PublishedRevisionId, p.PublishedEnglishRevisionId }).OfType<int>().ToHashSet();
        var ids = pointers.SelectMany(p => new[] { p.PublishedRevisionId, p.CurrentRevisionId, p.PublishedEnglishRevisionId, p.CurrentEnglishRevisionId }).OfType<int>().Distinct().ToList();
        var texts = new List<(int Id, int ItemId, string Title, string Markdown)>();
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await db.Revisions.AsNoTracking().Where(r => chunk.Contains(r.Id))
                .Select(r => new { r.Id, r.ContentItemId, r.Title, r.LeadMarkdown, r.BodyMarkdown, r.Bearing })
                .ToListAsync(cancellationToken);
            texts.AddRange(rows.Select(r => (r.Id, r.ContentItemId, r.Title,
                string.Concat(r.LeadMarkdown, "\n", r.BodyMarkdown, "\n", r.Bearing?.PointsMarkdown, "\n", r.Bearing?.DialogQuestionsMarkdown))));
        }

        return texts
            .SelectMany(t => ImageAddress.HashesIn(t.Markdown).Distinct().Select(hash => (hash, t)))
            .GroupBy(x => (x.hash, x.t.ItemId))
            .Select(g => (g.Key.hash, Use: new ImageUse(g.Key.ItemId, g.OrderByDescending(x => x.t.Id).First().t.Title, !g.Any(x => published.Contains(x.t.Id)))))
            .OrderBy(x => x.Use.Title, StringComparer.Create(new System.Globalization.CultureInfo("da-DK"), ignoreCase: true))
            .ToLookup(x => x.hash, x => x.Use);
    }

    /// <summary>Deletes an image and every size of it, unless a published text or a draft uses it.</summary>
    public async Task<ImageResult> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var image = await db.Images.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (image is null)
        {
            return ImageResult.Refused("", "Billedet findes ikke længere.");
        }

        var uses = (await UsesAsync(cancellationToken))[image.Hash].ToList();
        if (uses.Count > 0)
        {
            return ImageResult.Refused("", $"Billedet kan ikke slettes, fordi det bruges på {string.Join(", ", uses.Select(u => $"»{u.Title}«"))}. Fjern det derfra først.");
        }

        // Every size with the image, in one transaction: nothing is left behind, and nothing half-deleted.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.ImageRenditions.Where(r => r.ImageId == image.Id).ExecuteDeleteAsync(cancellationToken);
            await db.Images.Where(i => i.Id == image.Id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.Entity is LibraryImage { } i && i.Id == image.Id || e.Entity is ImageRendition { } r && r.ImageId == image.Id).ToList())
        {
            tracked.State = EntityState.Detached;
        }

        catalog.Forget(image.Hash);
        store.ForgetAll();
        return new ImageResult(image, new Dictionary<string, string>());
    }
}
