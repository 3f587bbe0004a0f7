using Medarbejdergrundlag.Content.Confirmations;
using Microsoft.AspNetCore.Html;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>
/// One changed paragraph of a reader's diff (_WordDiff.cshtml) as HTML. In C# rather than in the
/// view's <c>@functions</c> block: Stryker's run of the Razor generator placed that block inside the
/// view's body, so the Web project could not be mutation-tested at all (docs/testing.md).
/// </summary>
internal static class WordDiffHtml
{
    // The runs are written with nothing between them: a line break or indentation in the view
    // would be a space (or a visible break) in the reader's text. A line break in the text is <br>.
    public static IHtmlContent Runs(ChangedParagraph paragraph, string added, string removed, string? language)
    {
        var html = new HtmlContentBuilder();
        foreach (var run in paragraph.Runs)
        {
            var tag = run.Change switch { WordChange.Added => "ins", WordChange.Removed => "del", _ => null };
            if (tag is not null)
            {
                html.AppendHtml($"<{tag}><span class=\"visually-hidden\"{(language is null ? "" : $" lang=\"{language}\"")}>");
                html.Append((run.Change == WordChange.Added ? added : removed) + " ");
                html.AppendHtml("</span>");
            }

            var lines = run.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    html.AppendHtml("<br />");
                }

                html.Append(lines[i]);
            }

            if (tag is not null)
            {
                html.AppendHtml($"</{tag}>");
            }
        }

        return html;
    }
}
