namespace Medarbejdergrundlag.Content.Markdown;

/// <summary>
/// Turns editor-written Markdown into safe HTML. Called when content is saved or seeded,
/// never per request: the HTML is stored beside the Markdown.
/// </summary>
public interface IMarkdownRenderer
{
    /// <summary>
    /// Renders block Markdown (paragraphs, lists, headings) to sanitized HTML. Heading ids begin
    /// with "afsnit-", which no id of the pages' own uses, followed by <paramref name="headingScope"/>
    /// (the item's slug), so headings never collide with a page's anchors (#mod, main#indhold) nor
    /// with another item's headings on the same page.
    /// Library images (<c>/billeder/{hash}</c>) found in <paramref name="images"/> are written with
    /// their sizes (<c>srcset</c>, width, height); without it they stay plain images.
    /// </summary>
    string RenderBlock(string markdown, string? headingScope = null, IReadOnlyDictionary<string, Images.ImageSizes>? images = null);

    /// <summary>Renders a single line of inline Markdown (emphasis, links) without a wrapping paragraph.</summary>
    string RenderInline(string markdown);

    /// <summary>Plain text of the Markdown, for search snippets and meta descriptions.</summary>
    string ToPlainText(string markdown);
}
