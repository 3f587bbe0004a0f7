using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Content.Approvals;

/// <summary>
/// Approval as a gate on the one publish path: a publish that needs approval (<see cref="GovernanceOptions"/>)
/// goes through only when that exact revision was approved. A hand publish keeps its draft, a schedule
/// fails with the reason, an import writes nothing. The seed is nobody's change and is never held.
/// </summary>
public sealed class ApprovalGate(ContentDbContext db, IOptionsMonitor<GovernanceOptions> options) : IPublishGate
{
    public async ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        var scope = options.CurrentValue.ApprovalRequiredFor;
        var needed = request.Source != PublishSource.Seed && scope switch
        {
            ApprovalScope.All => true,
            ApprovalScope.Material => request.Material && ContentKinds.Of(request.Item.Kind).NeedsApproval,
            _ => false,
        };
        if (!needed || await ApprovedAsync(request.Revision.Id, cancellationToken))
        {
            return [];
        }

        var what = scope == ApprovalScope.All
            ? "Alle ændringer skal godkendes af en godkender, før de udgives."
            : "En væsentlig ændring af medarbejdergrundlaget skal godkendes af en godkender, før den udgives.";
        return [$"Ændringen afventer godkendelse. {what} Send den gemte version til godkendelse."];
    }

    /// <summary>A revision not yet saved (the draft of "Gem og udgiv") has no approval.</summary>
    private async Task<bool> ApprovedAsync(int revisionId, CancellationToken cancellationToken) =>
        revisionId != 0 && await db.ApprovalRequests.AnyAsync(a => a.RevisionId == revisionId && a.State == ApprovalState.Approved, cancellationToken);
}
