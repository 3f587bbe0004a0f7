using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages.Konto;

/// <summary>The reader's own confirmations: see them, and withdraw one or all (the rows are deleted).</summary>
public sealed class BekraeftelserModel(CharterConfirmations confirmations, PublishedContentStore content, ChangeHistory history, IOptions<ConfirmationOptions> options) : PageModel
{
    public IReadOnlyList<Confirmation> Confirmations { get; private set; } = [];

    /// <summary>The confirmations still in force: no material change since.</summary>
    public IReadOnlySet<long> InForce { get; private set; } = new HashSet<long>();

    public bool StoresForvaltning => options.Value.DepartmentClaim is { Length: > 0 };

    public string RetentionText => options.Value.Retention.TotalDays is var days && days % 365 == 0 && days >= 365
        ? (days == 365 ? "et år" : $"{days / 365:0} år")
        : $"{days:0} dage";

    [TempData]
    public int? Withdrawn { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Confirmations = await confirmations.MineAsync(Subject(), cancellationToken);
        var revisions = await history.GetAsync(await content.GetAsync(), cancellationToken);
        InForce = Confirmations.Where(c => !revisions.IsOutdated(c.Version)).Select(c => c.Id).ToHashSet();
    }

    public async Task<IActionResult> OnPostTraekTilbageAsync(long id, CancellationToken cancellationToken)
    {
        Withdrawn = await confirmations.WithdrawAsync(Subject(), id, cancellationToken);
        Bekraeftelse.ReaderStatusPart.MarkFresh(HttpContext);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTraekAlleTilbageAsync(CancellationToken cancellationToken)
    {
        Withdrawn = await confirmations.WithdrawAsync(Subject(), id: null, cancellationToken);
        Bekraeftelse.ReaderStatusPart.MarkFresh(HttpContext);
        return RedirectToPage();
    }

    private string Subject() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
}
