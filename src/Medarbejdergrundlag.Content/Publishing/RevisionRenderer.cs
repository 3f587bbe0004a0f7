using Medarbejdergrundlag.Content.Images;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// Fills a revision's HTML and plain text from its Markdown, once, when it is made or restored
/// from a backup. HTML is never taken from anywhere else.
/// </summary>
/// <remarks>
/// Library images in the body get their sizes from <see cref="ImageCatalog"/>: one lookup per
/// revision for all the images it names, at render time, never per request.
/// </remarks>
public sealed class RevisionRenderer(IMarkdownRenderer markdown, ImageCatalog? images = null)
{
    public void Render(ContentRevision revision)
    {
        revision.LeadHtml = markdown.RenderInline(revision.LeadMarkdown);
        var hashes = ImageAddress.HashesIn(revision.BodyMarkdown).ToList();
        revision.BodyHtml = markdown.RenderBlock(revision.BodyMarkdown, revision.Slug, hashes.Count > 0 ? images?.Lookup(hashes) : null);
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
