namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>Settings under <c>Confirmations</c> (docs/operations.md).</summary>
public sealed class ConfirmationOptions
{
    public const string Section = "Confirmations";

    /// <summary>Confirmations older than this are deleted. Two years: long enough to span an onboarding and the next revision of the charter.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often the clean-up looks for confirmations past <see cref="Retention"/>.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The sign-in claim that names the reader's forvaltning (e.g. <c>department</c>). Unset: no
    /// forvaltning is stored and HR's figures are for the whole municipality only.
    /// </summary>
    public string? DepartmentClaim { get; set; }
}
