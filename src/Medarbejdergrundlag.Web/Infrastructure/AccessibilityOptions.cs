namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>What the accessibility statement (/tilgaengelighed) says about contact and dates.</summary>
public sealed class AccessibilityOptions
{
    public const string Section = "Accessibility";

    /// <summary>Where readers report accessibility problems, e.g. a shared HR mailbox.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>A phone number for the same, written as people should read it.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The date the statement was prepared (the model statement requires it).</summary>
    public DateOnly PreparedOn { get; set; } = new(2026, 11, 22);

    /// <summary>The date it was last reviewed; unset: never since it was prepared.</summary>
    public DateOnly? ReviewedOn { get; set; }
}
