using AngleSharp.Dom;
using Ganss.Xss;

namespace Medarbejdergrundlag.Content.Markdown;

/// <summary>
/// The second line of defence: HtmlSanitizer over every HTML fragment the Markdown pipeline makes,
/// before it is stored. The allow-list is what <see cref="MarkdigRenderer"/> can produce (raw HTML
/// disabled, pipe tables on), so benign output passes unchanged and anything else, whatever slipped
/// past the renderer, is dropped.
/// </summary>
public static class FragmentSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "a", "img", "code", "pre", "blockquote",
                "ul", "ol", "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "picture", "source",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "src", "alt", "title", "id", "start", "class", "style", "role",
                // A library image (MarkdigRenderer.Images.cs); PostProcessNode keeps them only there.
                "srcset", "sizes", "width", "height", "loading", "type",
            },
            // Pipe tables align columns with an inline text-align; nothing else is styled.
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedClasses = new HashSet<string>(StringComparer.Ordinal),
        })
        {
            // Void elements as Markdig writes them (<br />), so benign output is stored byte for byte.
            OutputFormatter = VoidOnlySelfClosingFormatter.Instance,
        };

        // A class only where Markdig writes one: a fenced code block's language.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element && element.HasAttribute("class")
                && !(element.LocalName == "code" && element.ClassList.All(c => c.StartsWith("language-", StringComparison.Ordinal))))
            {
                element.RemoveAttribute("class");
            }

            if (e.Node is IElement any)
            {
                KeepLibraryImageAttributesOnly(any);
            }

            // A role only where the renderer writes one: a decorative image.
            if (e.Node is IElement withRole && withRole.HasAttribute("role")
                && !(withRole.LocalName == "img" && withRole.GetAttribute("role") == MarkdigRenderer.DecorativeRole))
            {
                withRole.RemoveAttribute("role");
            }
        };
        return sanitizer;
    }

    private static readonly string[] LibraryImageAttributes = ["srcset", "sizes", "width", "height", "loading", "type"];

    /// <summary>
    /// The attributes of a library image exactly where the renderer writes them: srcset, sizes, width,
    /// height and loading on an img inside a picture, srcset, sizes and type="image/webp" on its source,
    /// every srcset candidate a library address. Anything else loses them.
    /// </summary>
    private static void KeepLibraryImageAttributesOnly(IElement element)
    {
        var inPicture = element.ParentElement?.LocalName == "picture";

        foreach (var name in LibraryImageAttributes)
        {
            var value = element.GetAttribute(name);
            if (value is null)
            {
                continue;
            }

            var allowed = (element.LocalName, name) switch
            {
                ("img", "srcset") or ("source", "srcset") => inPicture && value.Split(',').All(c => Images.ImageAddress.HashIn(c.Trim().Split(' ')[0]) is not null),
                ("img", "sizes") or ("source", "sizes") => inPicture && value == MarkdigRenderer.ImageSizesAttribute,
                ("img", "width") or ("img", "height") => inPicture && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _),
                ("img", "loading") => value == "lazy",
                ("source", "type") => inPicture && value == "image/webp",
                _ => false,
            };
            if (!allowed)
            {
                element.RemoveAttribute(name);
            }
        }
    }

    /// <summary>
    /// XHTML output, except that only void elements close themselves. The pages are served as
    /// HTML, where "&lt;h2 id=… /&gt;" (an empty heading) or "&lt;a href=… /&gt;" (a link without
    /// text) opens an element that swallows the text after it.
    /// </summary>
    private sealed class VoidOnlySelfClosingFormatter : AngleSharp.Xhtml.XhtmlMarkupFormatter
    {
        public static new readonly VoidOnlySelfClosingFormatter Instance = new();

        private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
        {
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        };

        // The XHTML formatter closes every element without children itself; an empty one gets a closing tag here.
        public override string OpenTag(IElement element, bool selfClosing)
        {
            var tag = base.OpenTag(element, selfClosing);
            return !VoidElements.Contains(element.LocalName) && tag.EndsWith(" />", StringComparison.Ordinal)
                ? string.Concat(tag.AsSpan(0, tag.Length - 3), ">")
                : tag;
        }

        public override string CloseTag(IElement element, bool selfClosing) =>
            !VoidElements.Contains(element.LocalName) && !element.HasChildNodes
                ? $"</{element.LocalName}>"
                : base.CloseTag(element, selfClosing);
    }
}
