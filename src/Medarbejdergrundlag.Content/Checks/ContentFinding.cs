namespace Medarbejdergrundlag.Content.Checks;

/// <summary>Blocking findings stop a publish unless the editor gives a reason; warnings never do.</summary>
public enum FindingSeverity
{
    Warning,
    Blocking,
}

/// <summary>
/// One thing a check found in a text. <see cref="Message"/> says what and where in plain Danish,
/// <see cref="Advice"/> how to fix it; <see cref="Anchor"/> is the id of the heading at or above
/// the spot (to link to) and <see cref="Excerpt"/> a short piece of the text there.
/// </summary>
public sealed record ContentFinding(
    string RuleId,
    FindingSeverity Severity,
    string Message,
    string Advice,
    string? Anchor = null,
    string? Excerpt = null);

/// <summary>The rules' ids: stable, for tests, tools and the publish gate's log.</summary>
public static class CheckRules
{
    public const string ImageWithoutAlt = "billede-uden-alt";
    public const string BrokenLink = "link-til-manglende-side";
    public const string BrokenAnchor = "link-til-manglende-afsnit";
    public const string VagueLinkText = "uklar-linktekst";
    public const string SkippedHeadingLevel = "overskriftsniveau-springes-over";
    public const string EmptyHeading = "tom-overskrift";
    public const string TableWithoutHeaders = "tabel-uden-overskrifter";
    public const string AllCapitals = "saetning-med-versaler";
    public const string BareUrlLinkText = "adresse-som-linktekst";
    public const string Readability = "svaer-tekst";

    public static FindingSeverity SeverityOf(string ruleId) => ruleId switch
    {
        ImageWithoutAlt or BrokenLink or BrokenAnchor => FindingSeverity.Blocking,
        _ => FindingSeverity.Warning,
    };
}

/// <summary>What the checks found in one text, and its readability.</summary>
public sealed record ContentCheckResult(IReadOnlyList<ContentFinding> Findings, ReadabilityScore Readability)
{
    public IEnumerable<ContentFinding> Blocking => Findings.Where(f => f.Severity == FindingSeverity.Blocking);

    public int BlockingCount => Findings.Count(f => f.Severity == FindingSeverity.Blocking);

    public int WarningCount => Findings.Count(f => f.Severity == FindingSeverity.Warning);

    public bool HasBlocking => BlockingCount > 0;
}
