using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// Fills a revision's HTML and plain text from its Markdown, once, when it is made or restored
/// from a backup. HTML is never taken from anywhere else.
/// </summary>
public sealed class RevisionRenderer(IMarkdownRenderer markdown)
{
    public void Render(ContentRevision revision)
    {
        revision.LeadHtml = markdown.RenderInline(revision.LeadMarkdown);
        revision.BodyHtml = markdown.RenderBlock(revision.BodyMarkdown, revision.Slug);
        if (revision.Bearing is { } bearing)
        {
            revision.Bearing = bearing with
            {
                PointsHtml = string.Concat(bearing.Points.Select(p => $"<li>{markdown.RenderInline(p)}</li>")),
                DialogQuestionsHtml = string.Concat(bearing.DialogQuestions.Select(q => $"<li>{markdown.RenderInline(q)}</li>")),
            };
        }

        revision.PlainText = string.Join(
            ' ',
            new[] { markdown.ToPlainText(revision.LeadMarkdown), markdown.ToPlainText(revision.BodyMarkdown) }
                .Concat((revision.Bearing?.Points ?? []).Select(markdown.ToPlainText))
                .Where(s => s.Length > 0));
    }
}
