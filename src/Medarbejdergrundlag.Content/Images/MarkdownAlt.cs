using System.Text.RegularExpressions;

namespace Medarbejdergrundlag.Content.Images;

/// <summary>An image's alt text as the text of a Markdown image, <c>![…](…)</c>.</summary>
public static partial class MarkdownAlt
{
    /// <summary>The marker the renderer reads as "decorative" (<see cref="Markdown.MarkdigRenderer.DecorativeMarkers"/>).</summary>
    public const string Decorative = "dekorativ";

    /// <summary>Markdown's own characters escaped, and no line breaks, so the alt text stays one alt text.</summary>
    public static string Escape(string alt) => SpecialCharacters().Replace(alt.ReplaceLineEndings(" "), @"\$0");

    [GeneratedRegex(@"[\\\[\]()*_`!<>#&]")]
    private static partial Regex SpecialCharacters();
}
