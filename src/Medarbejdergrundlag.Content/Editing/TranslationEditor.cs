using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// English translations. A translation is a revision like any other (drafted, published, kept in
/// the history, audited), with its language and the Danish revision it was translated from, so an
/// editor and a reader can tell when the Danish text has moved on. The Danish and the English
/// texts are published independently of each other.
/// </summary>
public sealed class TranslationEditor(ContentEditor editor, ContentDbContext db, ContentChecker checker)
{
    /// <summary>
    /// What the editor typed becomes the item's newest English revision, translated from the
    /// Danish text the public site shows now (or the newest, for an item not yet published). With
    /// <paramref name="publish"/> it is also what the English pages show, in the same save, unless the
    /// content checks find something blocking (a translation is checked as a Danish text is) and the
    /// editor gives no <paramref name="checksOverride"/> reason: then the draft is kept and not published.
    /// </summary>
    public Task<EditResult> SaveAsync(int id, int expectedVersion, RevisionInput input, EditorRef user, bool publish, string? checksOverride = null) =>
        editor.WriteAsync(id, expectedVersion, async item =>
        {
            if (!ContentKinds.Of(item.Kind).Translatable)
            {
                return EditResult.Invalid($"{ContentKinds.Name(item.Kind)} findes kun på dansk og oversættes ikke.");
            }

            var source = Source(item);

            // A translation keeps the Danish address, so /en mirrors the Danish paths, and the
            // course's own facts (audience, length, sign-up…) are the Danish revision's.
            var (clean, errors) = RevisionValidator.Validate(
                input with { Slug = source.Slug, Course = CourseInput.From(source.Course) }, item.Kind);
            if (clean is null)
            {
                return EditResult.Invalid(errors);
            }

            var current = item.CurrentEnglishRevision;
            var unchanged = current is not null && current.TranslatedFromRevisionId == source.Id
                && clean with { ChangeNote = null } == RevisionInput.From(current);
            if (!unchanged)
            {
                current = editor.NewRevision(clean, await editor.NextNumberAsync(item), user);
                current.Language = PortalCulture.EnglishCode;
                current.TranslatedFromRevisionId = source.Id;
                item.Revisions.Add(current);
                item.CurrentEnglishRevision = current;
                editor.Audit(AuditAction.TranslationSaved, item, current.Title, user,
                    $"Engelsk version {current.Number}, oversat fra dansk version {source.Number}.");
            }

            if (publish)
            {
                if (ReferenceEquals(item.PublishedEnglishRevision, current))
                {
                    return EditResult.Invalid("Der er ingen ændringer at udgive. Den udgivne oversættelse er allerede den nyeste.");
                }

                var reason = string.IsNullOrWhiteSpace(checksOverride) ? null : checksOverride.Trim() is { Length: > 500 } longReason ? longReason[..500] : checksOverride.Trim();
                if (reason is null && await BlockingFindingsAsync(item, current!) is { } refusal)
                {
                    return EditResult.Refused(item, [refusal]);
                }

                item.PublishedEnglishRevision = current;
                current!.ChecksOverrideReason = reason;
                var overridden = reason is null ? "" : $" Udgivet trods indholdstjekket, med begrundelsen: »{reason}«.";
                editor.Audit(AuditAction.TranslationPublished, item, current.Title, user, $"Engelsk version {current.Number}.{overridden}");
            }
            else if (unchanged)
            {
                return EditResult.Done(item, current);
            }

            editor.Touch(item, user);
            return EditResult.Done(item, current);
        });

    /// <summary>The content checks' refusal of an English draft, as the publish gate words a Danish one's; null when nothing blocks.</summary>
    private async Task<string?> BlockingFindingsAsync(ContentItem item, ContentRevision english)
    {
        var draft = PublishedItem.FromRevision(item, english) with { Language = PortalCulture.EnglishCode };
        if (!ContentChecker.MayHaveBlockingFindings(draft))
        {
            return null;
        }

        var result = await checker.CheckDraftAsync(draft);
        return result.HasBlocking ? ContentChecksGate.Refusal(result) : null;
    }

    /// <summary>
    /// An old English revision's text becomes a new English draft: history stays as it was, and the
    /// new revision keeps the Danish revision the old one was translated from, so it is marked
    /// outdated exactly when the old text would be. Danish revisions share the numbering and are refused
    /// (<see cref="ContentEditor.RestoreAsync"/> restores those).
    /// </summary>
    public Task<EditResult> RestoreAsync(int id, int revisionNumber, int expectedVersion, EditorRef user) =>
        editor.WriteAsync(id, expectedVersion, async item =>
        {
            var old = await editor.RevisionAsync(item, revisionNumber);
            if (old is null)
            {
                return EditResult.NotFound();
            }

            if (old.Language != PortalCulture.EnglishCode)
            {
                return EditResult.Invalid(
                    $"Version {revisionNumber} er en dansk version, ikke en engelsk oversættelse. Gendan den fra historikken for den danske tekst.");
            }

            // Like a save: the Danish address and course facts, the old revision's words.
            var source = Source(item);
            var (clean, errors) = RevisionValidator.Validate(
                RevisionInput.From(old, $"Gendannet fra engelsk version {revisionNumber}") with { Slug = source.Slug, Course = CourseInput.From(source.Course) },
                item.Kind);
            if (clean is null)
            {
                return EditResult.Invalid(errors);
            }

            var restored = editor.NewRevision(clean, await editor.NextNumberAsync(item), user);
            restored.Language = PortalCulture.EnglishCode;
            restored.TranslatedFromRevisionId = old.TranslatedFromRevisionId;
            item.Revisions.Add(restored);
            item.CurrentEnglishRevision = restored;
            var from = old.TranslatedFromRevisionId is { } fromId && await db.Revisions.FindAsync(fromId) is { } danish
                ? $", oversat fra dansk version {danish.Number}" : "";
            editor.Audit(AuditAction.TranslationRestored, item, restored.Title, user,
                $"Engelsk version {restored.Number}, gendannet fra engelsk version {revisionNumber}{from}.");
            editor.Touch(item, user);
            return EditResult.Done(item, restored);
        });

    /// <summary>
    /// Takes the translation off the English pages, which show the Danish text again (marked Danish,
    /// with the note). The Danish text stays published, and nothing is deleted: publishing the
    /// translation again brings it back.
    /// </summary>
    public Task<EditResult> UnpublishAsync(int id, int expectedVersion, EditorRef user) =>
        editor.WriteAsync(id, expectedVersion, item =>
        {
            if (item.PublishedEnglishRevision is not { } published)
            {
                return Task.FromResult(EditResult.Invalid("Oversættelsen er ikke udgivet, så der er intet at tage af de engelske sider."));
            }

            item.PublishedEnglishRevision = null;
            item.PublishedEnglishRevisionId = null;
            editor.Audit(AuditAction.TranslationUnpublished, item, published.Title, user,
                $"Engelsk version {published.Number} er taget af de engelske sider, som nu viser den danske tekst.");
            editor.Touch(item, user);
            return Task.FromResult(EditResult.Done(item, published));
        });

    /// <summary>The Danish revision a translation made now is made from.</summary>
    public static ContentRevision Source(ContentItem item) => item.PublishedRevision ?? item.CurrentRevision!;

    /// <summary>
    /// True when the published translation was made from an older Danish text than the one
    /// published now: the English pages say so, and the admin overview marks it "oversættelse forældet".
    /// </summary>
    public static bool IsOutdated(int? publishedRevisionId, int? translatedFromRevisionId) =>
        translatedFromRevisionId is not null && translatedFromRevisionId != publishedRevisionId;

    /// <summary>The Danish revision a translation was made from, for the diff an editor updates it by.</summary>
    public Task<ContentRevision?> TranslatedFromAsync(ContentRevision translation) =>
        translation.TranslatedFromRevisionId is { } id
            ? db.Revisions.FindAsync(id).AsTask()
            : Task.FromResult<ContentRevision?>(null);
}
