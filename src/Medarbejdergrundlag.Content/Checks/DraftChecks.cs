using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Checks;

/// <summary>
/// A text's findings, and the published texts whose links it would break: what the edit pages show
/// beside a draft.
/// </summary>
public sealed record DraftCheck(ContentCheckResult Result, IReadOnlyList<BrokenInbound> BreaksLinksIn, bool Typed = false)
{
    public static DraftCheck Of(ContentCheckResult result) => new(result, []);
}

/// <summary>
/// The content checks on text an editor is typing, before it is saved: rendered as a save would
/// render it, checked as the publish gate would check it. Nothing is written.
/// </summary>
public sealed class DraftChecks(ContentDbContext db, RevisionRenderer renderer, ContentChecker checker)
{
    /// <summary>
    /// The findings of <paramref name="typed"/> as item <paramref name="itemId"/>'s text in
    /// <paramref name="language"/>; null when there is no such item. A field too long to save is
    /// checked as far as the limit, so the editor hears about the rest when saving.
    /// </summary>
    public async Task<DraftCheck?> CheckTypedAsync(int itemId, RevisionInput typed, string language)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.CurrentRevision).SingleOrDefaultAsync(i => i.Id == itemId);
        if (item?.CurrentRevision is not { } current)
        {
            return null;
        }

        var english = language == PortalCulture.EnglishCode;
        var (clean, _) = RevisionValidator.Validate(typed with { Slug = english ? current.Slug : typed.Slug, Course = null }, item.Kind);
        var revision = new ContentRevision
        {
            Title = Limit(typed.Title, RevisionValidator.TitleMax) ?? current.Title,
            // An address that would not save is not the draft's: its own anchors stay on the page it has.
            Slug = clean?.Slug ?? current.Slug,
            LeadMarkdown = Limit(typed.Lead, RevisionValidator.LeadMax) ?? "",
            BodyMarkdown = Limit(typed.Body, RevisionValidator.BodyMax) ?? "",
            Bearing = typed.Bearing is { } bearing && ContentKinds.Of(item.Kind).Has(ContentPart.Bearing)
                ? new BearingInput(Limit(bearing.Points, RevisionValidator.BodyMax), Limit(bearing.DialogQuestions, RevisionValidator.BodyMax)).ToDetails()
                : null,
            CreatedBy = "",
            Language = language,
        };
        renderer.Render(revision);
        var draft = PublishedItem.FromRevision(item, revision) with { Language = language };
        var result = await checker.CheckDraftAsync(draft);
        return new DraftCheck(result, english ? [] : await checker.LinksBrokenByPublishingAsync(draft));
    }

    /// <summary>The saved Danish draft's findings and the links its publish would break (none when it is what is published).</summary>
    public async Task<DraftCheck> CheckSavedAsync(ContentItem item)
    {
        var draft = PublishedItem.FromRevision(item, item.CurrentRevision!);
        var result = await checker.CheckDraftAsync(draft);
        var published = item.PublishedRevisionId == item.CurrentRevisionId && !item.IsArchived;
        return new DraftCheck(result, published ? [] : await checker.LinksBrokenByPublishingAsync(draft));
    }

    private static string? Limit(string? text, int max) => text is { Length: var length } && length > max ? text[..max] : text;
}
