using System.Text.Json.Serialization;

namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A bearing's own fields, stored in its revision's row (an EF Core complex type). Null on every
/// other kind. The HTML is rendered from the Markdown when the revision is made.
/// </summary>
public sealed record BearingDetails
{
    /// <summary>The "Det kan vi fordi…" points, one Markdown line each.</summary>
    public string PointsMarkdown { get; init; } = "";

    public string PointsHtml { get; init; } = "";

    /// <summary>Questions a manager can use with a new colleague, one Markdown line each. The seed holds suggestions; HR edits them.</summary>
    public string DialogQuestionsMarkdown { get; init; } = "";

    public string DialogQuestionsHtml { get; init; } = "";

    [JsonIgnore]
    public IReadOnlyList<string> Points => Lines(PointsMarkdown);

    [JsonIgnore]
    public IReadOnlyList<string> DialogQuestions => Lines(DialogQuestionsMarkdown);

    private static string[] Lines(string markdown) =>
        markdown.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// A bearing's own part in a backup file (<see cref="Backup.BackupRevision"/>), kept beside the part so a
/// new field is added to both. The HTML is for people reading the file; an import renders it again.
/// </summary>
public sealed record BackupBearing(string PointsMarkdown, string PointsHtml, string DialogQuestionsMarkdown, string DialogQuestionsHtml)
{
    public static BackupBearing? From(BearingDetails? d) =>
        d is null ? null : new(d.PointsMarkdown, d.PointsHtml, d.DialogQuestionsMarkdown, d.DialogQuestionsHtml);

    public BearingDetails ToDetails() => new() { PointsMarkdown = PointsMarkdown ?? "", DialogQuestionsMarkdown = DialogQuestionsMarkdown ?? "" };
}

