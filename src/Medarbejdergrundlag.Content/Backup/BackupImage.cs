using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>A library image with every stored size; the bytes travel as base64. Absent in files from before the library.</summary>
public sealed record BackupImage(
    string Hash,
    string AltDa,
    string AltEn,
    bool IsDecorative,
    string UploadedById,
    string UploadedByName,
    DateTime UploadedAt,
    string SourceFormat,
    long OriginalBytes,
    int Width,
    int Height,
    List<BackupRendition> Renditions)
{
    public static BackupImage From(LibraryImage i) => new(
        i.Hash, i.AltDa, i.AltEn, i.IsDecorative, i.UploadedById, i.UploadedByName, i.UploadedAt, i.SourceFormat, i.OriginalBytes, i.Width, i.Height,
        i.Renditions.OrderBy(r => r.Width).ThenBy(r => r.Format, StringComparer.Ordinal).Select(r => new BackupRendition(r.Width, r.Height, r.Format, r.Bytes)).ToList());

    /// <summary>
    /// The image, after checking that each rendition's bytes are the image type its format names: a
    /// tampered file cannot make the portal serve anything but pictures under an image's address.
    /// </summary>
    public LibraryImage ToEntity()
    {
        if (!ImageAddress.IsHash(Hash))
        {
            throw new ContentBackupException($"Et billede i sikkerhedskopien har en ugyldig adresse (»{Hash}«).");
        }

        var image = new LibraryImage
        {
            Hash = Hash, AltDa = AltDa, AltEn = AltEn, IsDecorative = IsDecorative, UploadedById = UploadedById, UploadedByName = UploadedByName,
            UploadedAt = UploadedAt, SourceFormat = SourceFormat, OriginalBytes = OriginalBytes, Width = Width, Height = Height,
        };
        foreach (var r in Renditions)
        {
            if (r.Format is not (ImageProcessor.WebP or ImageProcessor.Jpeg or ImageProcessor.Png) || ImageProcessor.Sniff(r.Bytes) != r.Format)
            {
                throw new ContentBackupException($"Billedet »{Hash}« i sikkerhedskopien har en størrelse, der ikke er et {r.Format}-billede.");
            }

            image.Renditions.Add(new ImageRendition { Width = r.Width, Height = r.Height, Format = r.Format, Bytes = r.Bytes });
        }

        return image;
    }
}

public sealed record BackupRendition(int Width, int Height, string Format, byte[] Bytes);
