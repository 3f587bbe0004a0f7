namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// An image in the library (issue 29): what the editor said about it and who uploaded it. Its pixels
/// are only in its <see cref="Renditions"/>, re-encoded without metadata; the upload itself is not kept.
/// An image never changes: a new file is a new image with a new <see cref="Hash"/>.
/// </summary>
public class LibraryImage
{
    public int Id { get; set; }

    /// <summary>Hex of the SHA-256 of the uploaded bytes (shortened); its address is <c>/billeder/{Hash}</c>.</summary>
    public required string Hash { get; set; }

    /// <summary>The Danish alternative text; empty when <see cref="IsDecorative"/>.</summary>
    public string AltDa { get; set; } = "";

    /// <summary>The English pages' alternative text; empty when none was given.</summary>
    public string AltEn { get; set; } = "";

    /// <summary>Decoration only: screen readers skip it (the Markdown says <c>![dekorativ](…)</c>).</summary>
    public bool IsDecorative { get; set; }

    public string UploadedById { get; set; } = "";

    public string UploadedByName { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    /// <summary>What the uploaded bytes were ("jpg", "png" or "webp"), whatever the file was called.</summary>
    public string SourceFormat { get; set; } = "";

    /// <summary>The uploaded file's size in bytes.</summary>
    public long OriginalBytes { get; set; }

    /// <summary>The picture's width and height after its EXIF orientation was applied.</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    public List<ImageRendition> Renditions { get; } = [];
}

/// <summary>One stored size and format of a <see cref="LibraryImage"/>.</summary>
public class ImageRendition
{
    public int Id { get; set; }

    public int ImageId { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>"webp", "jpg" or "png": the address's extension.</summary>
    public required string Format { get; set; }

    public required byte[] Bytes { get; set; }
}
