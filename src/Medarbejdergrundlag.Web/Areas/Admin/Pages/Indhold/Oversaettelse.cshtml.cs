using Medarbejdergrundlag.Content;
using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>
/// The English translation of an item: the Danish text beside the English form, and, when the
/// Danish text has changed since the translation was made, exactly what changed.
/// </summary>
public sealed class OversaettelseModel(TranslationEditor translations, ContentDbContext db, ContentChecker checker, DraftChecks draftChecks) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    public ContentItem Item { get; private set; } = default!;

    /// <summary>The Danish text a translation made now is made from.</summary>
    public ContentRevision Source { get; private set; } = default!;

    /// <summary>The newest English revision, if any.</summary>
    public ContentRevision? Current { get; private set; }

    /// <summary>The Danish revision the newest translation was made from, when that is not <see cref="Source"/>.</summary>
    public ContentRevision? TranslatedFrom { get; private set; }

    /// <summary>What changed in the Danish text since <see cref="TranslatedFrom"/>.</summary>
    public IReadOnlyList<DiffLine> DanishChanges { get; private set; } = [];

    /// <summary>The newest English revision's content checks, as publishing it would meet them.</summary>
    public DraftCheck? DraftCheck { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The content checks on the English text as typed (admin.js), without saving it.</summary>
    public async Task<IActionResult> OnPostChecksAsync(int id) =>
        await draftChecks.CheckTypedAsync(id, Form.ToInput(), PortalCulture.EnglishCode) is { } check
            ? Partial("_Checks", check with { Typed = true })
            : NotFound();

    public Task<IActionResult> OnGetAsync(int id) => LoadFormAsync(id);

    /// <summary>The page with the form holding the newest translation (or empty).</summary>
    private async Task<IActionResult> LoadFormAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Remove($"{nameof(Form)}.{nameof(EditForm.Version)}");
        Form = Current is null
            ? new EditForm { Bearing = ContentKinds.Of(Item.Kind).Has(ContentPart.Bearing) ? new BearingInput("", "") : null, Version = Item.Version }
            : new EditForm
            {
                Title = Current.Title,
                Lead = Current.LeadMarkdown,
                Body = Current.BodyMarkdown,
                Bearing = BearingInput.From(Current.Bearing),
                Version = Item.Version,
            };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id) =>
        HandleAsync(id, publish: false, "Oversættelsen er gemt som kladde. Den engelske side viser stadig den udgivne version.");

    public Task<IActionResult> OnPostPublishAsync(int id) =>
        HandleAsync(id, publish: true, "Oversættelsen er udgivet. Den engelske side viser den nu.");

    /// <summary>The English pages show the Danish text again; the Danish text stays published.</summary>
    public async Task<IActionResult> OnPostUnpublishAsync(int id, int version)
    {
        var result = await translations.UnpublishAsync(id, version, User.Editor());
        if (await this.OutcomeAsync(result, () =>
            {
                Message = $"Engelsk version {result.Revision!.Number} er taget af de engelske sider. De viser nu den danske tekst, markeret som dansk. Den danske tekst er stadig udgivet.";
                return RedirectToPage(new { id });
            }, "Nogen har ændret indholdet imens. Se siden igen, før du tager oversættelsen af.") is { } outcome)
        {
            return outcome;
        }

        return await LoadFormAsync(id);
    }

    private async Task<IActionResult> HandleAsync(int id, bool publish, string success)
    {
        var result = await translations.SaveAsync(id, Form.Version, Form.ToInput() with { Course = null }, User.Editor(), publish, Form.ChecksOverride);
        if (result.Outcome == EditOutcome.Refused)
        {
            // The content checks said no; the translation is kept as a draft, so the form starts from it.
            Message = string.Join(" ", result.Errors.Values) + " Oversættelsen er gemt som kladde.";
            return RedirectToPage(new { id });
        }

        if (await this.OutcomeAsync(result, () =>
            {
                Message = success;
                return RedirectToPage(new { id });
            }, "Nogen har ændret indholdet, mens du skrev. Din tekst står stadig i formularen; gem igen for at bruge den.", nameof(Form)) is { } outcome)
        {
            return outcome;
        }

        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ModelState.Remove($"{nameof(Form)}.{nameof(EditForm.Version)}");
        Form.Version = Item.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var item = await db.Items.AsNoTracking()
            .Include(i => i.CurrentRevision)
            .Include(i => i.PublishedRevision)
            .Include(i => i.CurrentEnglishRevision)
            .Include(i => i.PublishedEnglishRevision)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Id == id);
        if (item is null)
        {
            return false;
        }

        Item = item;
        Source = TranslationEditor.Source(item);
        Current = item.CurrentEnglishRevision;
        if (Current is not null && Current.TranslatedFromRevisionId != Source.Id && await translations.TranslatedFromAsync(Current) is { } from)
        {
            TranslatedFrom = from;
            DanishChanges = RevisionDiff.Compare(from, Source);
        }

        DraftCheck = Current is null ? null : DraftCheck.Of(await checker.CheckTranslationAsync(item, Current));

        return true;
    }
}
