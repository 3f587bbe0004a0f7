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
