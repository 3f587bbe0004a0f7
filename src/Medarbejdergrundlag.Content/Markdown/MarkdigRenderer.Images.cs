using System.Globalization;
using System.Net;
using System.Text;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Medarbejdergrundlag.Content.Images;

namespace Medarbejdergrundlag.Content.Markdown;

/// <summary>
/// The image library half of the renderer: a Markdown image whose address is a library image
/// (<c>/billeder/{hash}</c>) becomes a <c>&lt;picture&gt;</c> with WebP candidates and an
/// <c>&lt;img&gt;</c> with the fallback's candidates, its width and height (no layout shift) and,
/// after the text's first image, <c>loading="lazy"</c>. The sizes come from the caller, looked up
/// once per text (<see cref="ImageCatalog"/>); an address the library does not know stays a plain image.
/// </summary>
public sealed partial class MarkdigRenderer
{
    /// <summary>The width an image takes: the whole screen on a phone, the text column (46rem) beyond.</summary>
    public const string ImageSizesAttribute = "(max-width: 46rem) 100vw, 46rem";

    private static void WriteLibraryImages(MarkdownDocument document, IReadOnlyDictionary<string, ImageSizes>? images)
    {
        if (images is null || images.Count == 0)
        {
            return;
        }

        var first = true;
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var eager = first;
            first = false;
            if (ImageAddress.HashIn(image.GetDynamicUrl?.Invoke() ?? image.Url) is not { } hash || !images.TryGetValue(hash, out var sizes) || sizes.Renditions.Count == 0)
            {
                continue;
            }

            var alt = new StringBuilder();
            AppendPlainText(image, alt);
            var decorative = image.TryGetAttributes()?.Properties?.Any(p => p.Key == "role" && p.Value == DecorativeRole) == true;
            image.ReplaceBy(new HtmlInline(PictureHtml(sizes, decorative ? "" : CollapseWhitespace(alt.ToString()), decorative, eager)), copyChildren: false);
        }
    }

    private static string PictureHtml(ImageSizes sizes, string alt, bool decorative, bool eager)
    {
        string Candidates(string format) => string.Join(", ", sizes.WidthsOf(format).Select(w => string.Create(CultureInfo.InvariantCulture, $"{ImageAddress.Of(sizes.Hash, w, format)} {w}w")));
        var fallback = sizes.Fallback;
        var largest = sizes.WidthsOf(fallback).Max();
        var height = Math.Max(1, (int)Math.Round((double)sizes.Height * largest / sizes.Width));
        var html = new StringBuilder("<picture>");
        if (sizes.WidthsOf(ImageProcessor.WebP).Any())
        {
            html.Append(CultureInfo.InvariantCulture, $"<source type=\"image/webp\" srcset=\"{Candidates(ImageProcessor.WebP)}\" sizes=\"{ImageSizesAttribute}\" />");
        }

        html.Append(CultureInfo.InvariantCulture, $"<img src=\"{ImageAddress.Of(sizes.Hash, largest, fallback)}\" srcset=\"{Candidates(fallback)}\" sizes=\"{ImageSizesAttribute}\"");
        html.Append(CultureInfo.InvariantCulture, $" width=\"{largest}\" height=\"{height}\" alt=\"{WebUtility.HtmlEncode(alt)}\"");
        if (decorative)
        {
            html.Append(CultureInfo.InvariantCulture, $" role=\"{DecorativeRole}\"");
        }

        if (!eager)
        {
            html.Append(" loading=\"lazy\"");
        }

        return html.Append(" /></picture>").ToString();
    }
}
