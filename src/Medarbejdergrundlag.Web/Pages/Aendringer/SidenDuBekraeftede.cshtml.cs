using System.Security.Claims;
using Medarbejdergrundlag.Content.Confirmations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Medarbejdergrundlag.Web.Pages.Aendringer;

/// <summary>The material changes to the charter since this reader confirmed it, word by word. Per reader, never cached.</summary>
public sealed class SidenDuBekraeftedeModel(CharterConfirmations confirmations, ChangeLog changes) : PageModel
{
    public ReaderStatus Status { get; private set; } = default!;

    public IReadOnlyList<(CharterChange Change, IReadOnlyList<FieldDiff> Fields)> Changes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var subject = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed in without a subject.");
        Status = await confirmations.StatusAsync(subject, fresh: true, cancellationToken);
        Changes = (await changes.SinceAsync(Status, cancellationToken)).Select(c => (c.Change, c.Fields)).ToList();
    }
}
