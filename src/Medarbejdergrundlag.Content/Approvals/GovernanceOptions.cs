namespace Medarbejdergrundlag.Content.Approvals;

/// <summary>Which publishes need an approver's approval first (<c>Governance:ApprovalRequiredFor</c>).</summary>
public enum ApprovalScope
{
    /// <summary>A change marked "Væsentlig ændring" to a kind that needs approval (the charter's sections, legs and bearings).</summary>
    Material,

    /// <summary>Every publish by an editor, a schedule or the import.</summary>
    All,

    /// <summary>No approval: any editor publishes alone.</summary>
    None,
}

/// <summary>The <c>Governance</c> section: who must agree before a change reaches the readers.</summary>
public sealed class GovernanceOptions
{
    public const string Section = "Governance";

    public ApprovalScope ApprovalRequiredFor { get; set; } = ApprovalScope.Material;
}
