namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// An employee's "Jeg har læst og forstået medarbejdergrundlaget": who (the stable subject id, no
/// name), which version of the charter (<see cref="Confirmations.CharterVersion"/>) and when. The
/// forvaltning is kept only when the portal is configured to read it from a claim, for HR's
/// aggregate figures. Rows older than the retention period are deleted; the employee can withdraw them.
/// </summary>
public class Confirmation
{
    public long Id { get; set; }

    /// <summary>The provider's <c>sub</c>, or <c>persona:…</c>.</summary>
    public required string SubjectId { get; set; }

    /// <summary>The published charter revisions the employee confirmed: <see cref="Confirmations.CharterVersion.Value"/>.</summary>
    public required string Version { get; set; }

    public DateTime ConfirmedAt { get; set; }

    /// <summary>The department claim's value when <c>Confirmations:DepartmentClaim</c> is set; otherwise null.</summary>
    public string? Forvaltning { get; set; }
}
