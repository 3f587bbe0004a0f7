using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Helpers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Markdown;

/// <summary>
/// Markdig-based <see cref="IMarkdownRenderer"/>. Raw HTML is escaped, link and image URLs are
/// restricted to http, https, mailto and relative URLs, and headings get stable slug ids.
/// Stateless apart from the immutable pipeline, so safe to use as a singleton.
/// </summary>
public sealed partial class MarkdigRenderer : IMarkdownRenderer
{
    /// <summary>Every heading id begins with this; the pages' own ids never do.</summary>
    public const string HeadingIdPrefix = "afsnit-";

    private const string FallbackHeadingId = "overskrift";

    // MarkdownPipeline is immutable and documented as thread-safe; building it once avoids per-call cost.
    // No auto-identifiers: heading ids are ours (Slugifier) so they match slugs used elsewhere.
    private static readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .Build();

    private static readonly HashSet<string> _allowedSchemes = new(StringComparer.Ordinal)
    {
        "http",
        "https",
        "mailto",
    };

    public string RenderBlock(string markdown, string? headingScope = null, IReadOnlyDictionary<string, Images.ImageSizes>? images = null)
    {
        var document = ParseAndSanitize(markdown);
        AssignHeadingIds(document, headingScope);
        WriteLibraryImages(document, images);

        return Render(renderer => renderer.Render(document));
    }

    public string RenderInline(string markdown)
    {
        // Trimmed so indentation cannot turn a title into a code block.
        var document = ParseAndSanitize(markdown.Trim());

        return Render(renderer =>
        {
            var first = true;
            foreach (var leaf in document.Descendants<LeafBlock>())
            {
                if (leaf.Inline is null)
                {
                    continue;
                }

                if (!first)
                {
                    renderer.Write(' ');
                }

                // Only the inline children are written, so no block wrapper (<p>, <h1>, <li>) is emitted.
                renderer.WriteChildren(leaf.Inline);
                first = false;
            }
        });
    }

    public string ToPlainText(string markdown)
    {
        var document = ParseAndSanitize(markdown);
        var builder = new StringBuilder();

        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                AppendPlainText(leaf.Inline, builder);
            }
            else if (leaf is CodeBlock)
            {
                builder.Append(leaf.Lines.ToString());
            }

            // Separates blocks so "a\n\nb" does not become "ab".
            builder.Append(' ');
        }

        return CollapseWhitespace(builder.ToString());
    }

    private static MarkdownDocument ParseAndSanitize(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);

        var document = Markdig.Markdown.Parse(markdown, _pipeline);

        // Materialized first: the tree is modified while we go.
        var autolinks = document.Descendants<AutolinkInline>().ToList();
        foreach (var autolink in autolinks)
        {
            if (!autolink.IsEmail && !IsAllowedUrl(autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }

        // Reference-style links are resolved into LinkInline.Url by the parser,
        // so checking links also covers "[x]: javascript:..." definitions.
        var links = document.Descendants<LinkInline>().ToList();
        foreach (var link in links)
        {
            var url = link.GetDynamicUrl?.Invoke() ?? link.Url;
            if (IsAllowedUrl(url))
            {
                continue;
            }

            if (link.IsImage)
            {
                var alt = new StringBuilder();
                AppendPlainText(link, alt);
                link.ReplaceBy(new LiteralInline(CollapseWhitespace(alt.ToString())), copyChildren: false);
            }
            else
            {
                Unwrap(link);
            }
        }

        MarkDecorativeImages(document);
        return document;
    }

    /// <summary>
    /// <c>![dekorativ](…)</c> (or <c>decorative</c>) marks an image as decoration: it is written with
    /// an empty alt and role="presentation", so screen readers skip it and the content checks know it
    /// was meant. An empty alt on its own is what a forgotten description looks like.
    /// </summary>
    private static void MarkDecorativeImages(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var alt = new StringBuilder();
            AppendPlainText(image, alt);
            if (!DecorativeMarkers.Contains(alt.ToString().Trim()))
            {
                continue;
            }

            while (image.FirstChild is { } child)
            {
                child.Remove();
            }

            image.GetAttributes().AddPropertyIfNotExist("role", DecorativeRole);
        }
    }

    /// <summary>The alt text that marks an image as decorative, in either language.</summary>
    public static readonly IReadOnlySet<string> DecorativeMarkers = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "dekorativ", "decorative" };

    internal const string DecorativeRole = "presentation";

    private static void Unwrap(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            container.InsertBefore(child);
            child = next;
        }

        container.Remove();
    }

    private static void AssignHeadingIds(MarkdownDocument document, string? scope)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var prefix = HeadingIdPrefix + (Slugifier.Slugify(scope ?? "") is { Length: > 0 } s ? s + "-" : "");

        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = new StringBuilder();
            if (heading.Inline is not null)
            {
                AppendPlainText(heading.Inline, text);
            }

            var slug = Slugifier.Slugify(text.ToString());

            // Headings like "## ???" still need an anchor.
            var baseId = prefix + (slug.Length == 0 ? FallbackHeadingId : slug);

            var id = baseId;
            for (var n = 2; !used.Add(id); n++)
            {
                id = string.Create(CultureInfo.InvariantCulture, $"{baseId}-{n}");
            }

            heading.GetAttributes().Id = id;
        }
    }

    private static void AppendPlainText(ContainerInline container, StringBuilder builder)
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    builder.Append(code.Content);
                    break;
                case HtmlEntityInline entity:
                    builder.Append(entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    builder.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline nested:
                    AppendPlainText(nested, builder);
                    break;
            }
        }
    }

    private static string Render(Action<HtmlRenderer> write)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        // A renderer per call: HtmlRenderer holds mutable state and must not be shared across threads.
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        write(renderer);
        writer.Flush();

        // The renderer's own checks come first; the sanitizer catches whatever they miss.
        return FragmentSanitizer.Sanitize(writer.ToString());
    }

    private static string CollapseWhitespace(string value) =>
        WhitespaceRegex().Replace(value, " ").Trim();

    [GeneratedRegex(@"&([A-Za-z][A-Za-z0-9]*);")]
    private static partial Regex NamedEntityRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
