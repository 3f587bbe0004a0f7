using Medarbejdergrundlag.Content.Confirmations;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

/// <summary>HR's aggregate figures of confirmations: counts only, never a subject id or a name.</summary>
public sealed class BekraeftelserModel(CharterConfirmations confirmations, IOptions<ConfirmationOptions> options) : PageModel
{
    /// <summary>Smaller groups are shown without figures, so a small unit's members cannot be singled out.</summary>
    public const int SmallestGroup = 5;

    public ConfirmationFigures Figures { get; private set; } = default!;

    public bool ByForvaltning => options.Value.DepartmentClaim is { Length: > 0 } || Figures.ByForvaltning.Any(f => f.Forvaltning is not null);

    /// <summary>The table per forvaltning, with every small group protected (<see cref="ProtectedFigures"/>).</summary>
    public IReadOnlyList<ProtectedRow> Rows => ProtectedFigures.Rows(Figures.ByForvaltning, SmallestGroup);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await confirmations.FiguresAsync(cancellationToken);
}
