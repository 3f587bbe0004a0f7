namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>
/// What the accessibility statement (/tilgaengelighed) says about contact and when it was prepared.
/// Its text and its "senest gennemgået" date come from the statement's content item.
/// </summary>
public sealed class AccessibilityOptions
{
    public const string Section = "Accessibility";

    /// <summary>Where readers report accessibility problems, e.g. a shared HR mailbox.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>A phone number for the same, written as people should read it.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The date the statement was prepared (the model statement requires it).</summary>
    public DateOnly PreparedOn { get; set; } = new(2026, 11, 22);
}
