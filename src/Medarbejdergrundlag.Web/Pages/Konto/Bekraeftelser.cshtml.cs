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

    /// <summary>"?traek=5" or "?traek=alle": the page asks once before anything is withdrawn (no script needed).</summary>
    public string? Asking { get; private set; }

    /// <summary>The one confirmation the page asks about; null when it asks about all.</summary>
    public Confirmation? AskingAbout { get; private set; }

    public async Task OnGetAsync(string? traek, CancellationToken cancellationToken)
    {
        Confirmations = await confirmations.MineAsync(Subject(), cancellationToken);
        var revisions = await history.GetAsync(await content.GetAsync(), cancellationToken);
        InForce = Confirmations.Where(c => !revisions.IsOutdated(c.Version)).Select(c => c.Id).ToHashSet();
        if (traek == All && Confirmations.Count > 0)
        {
            Asking = All;
        }
        else if (long.TryParse(traek, out var id) && Confirmations.FirstOrDefault(c => c.Id == id) is { } one)
        {
            (Asking, AskingAbout) = (traek, one);
        }
    }

    public const string All = "alle";

    /// <summary>Withdraws once the reader has said yes on the page's question; without it, asks.</summary>
    public async Task<IActionResult> OnPostTraekTilbageAsync(long id, bool bekraeftet, CancellationToken cancellationToken)
    {
        if (!bekraeftet)
        {
            return RedirectToPage(new { traek = id });
        }

        Withdrawn = await confirmations.WithdrawAsync(Subject(), id, cancellationToken);
        Bekraeftelse.ReaderStatusPart.MarkFresh(HttpContext);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTraekAlleTilbageAsync(bool bekraeftet, CancellationToken cancellationToken)
    {
        if (!bekraeftet)
        {
            return RedirectToPage(new { traek = All });
        }

        Withdrawn = await confirmations.WithdrawAsync(Subject(), id: null, cancellationToken);
        Bekraeftelse.ReaderStatusPart.MarkFresh(HttpContext);
        return RedirectToPage();
    }

    private string Subject() => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
}
