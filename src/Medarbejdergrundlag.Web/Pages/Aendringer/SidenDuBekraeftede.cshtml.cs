using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>The material changes to the charter since this reader confirmed it, word by word. Per reader, never cached.</summary>
public sealed class SidenDuBekraeftedeModel(CharterConfirmations confirmations, ChangeLog changes, PublishedContentStore content) : PageModel
{
    public ReaderStatus Status { get; private set; } = default!;

    public IReadOnlyList<(CharterChange Change, IReadOnlyList<FieldDiff> Fields)> Changes { get; private set; } = [];

    /// <summary>
    /// On the English page: the charter's parts whose translation is older than the Danish text. The
    /// English charter says so on each; this page must say it too, or it would seem to deny it.
    /// </summary>
    public IReadOnlyList<PublishedItem> OutdatedTranslations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = await content.GetAsync();
        OutdatedTranslations = site.CharterSections.Concat(site.Legs).Concat(site.Bearings).Where(i => i.TranslationOutdated).ToList();
        var subject = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
        Status = await confirmations.StatusAsync(subject, fresh: true, cancellationToken);
        Changes = (await changes.SinceAsync(Status, cancellationToken)).Select(c => (c.Change, c.Fields)).ToList();
    }
}
