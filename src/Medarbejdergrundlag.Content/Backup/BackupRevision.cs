using System.Text.Json.Serialization;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Backup;

/// <summary>
/// A revision in the file, by its number. Its HTML is for people reading the file: an import renders
/// every revision again from its Markdown (<see cref="Publishing.RevisionRenderer"/>).
/// </summary>
public sealed record BackupRevision(
    int Number,
    string Title,
    string Slug,
    string LeadMarkdown,
    string LeadHtml,
    string BodyMarkdown,
    string BodyHtml,
    string PlainText,
    DateTime CreatedAt,
    string CreatedBy,
    string? ChangeNote,
    string? CreatedById = null)
{
    public BackupBearing? Bearing { get; init; }

    public BackupCourse? Course { get; init; }

    /// <summary>"da", or "en" for a translation; files of format 1 hold Danish only.</summary>
    public string Language { get; init; } = PortalCulture.DanishCode;

    /// <summary>A translation's Danish revision, by number.</summary>
    public int? TranslatedFromRevision { get; init; }

    /// <summary>When it became the published revision; none in files from before read confirmations.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>"Væsentlig ændring" at its publish.</summary>
    public bool? IsMaterialChange { get; init; }

    public string? ChecksOverrideReason { get; init; }

    // Format 1 wrote a kind's own fields flat on the revision. They are read, to import such files,
    // and never written.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PointsMarkdown { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DialogQuestionsMarkdown { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Audience { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Forvaltning { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? LengthDays { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BearingKeys { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SignUp { get; init; }

    public static BackupRevision From(ContentRevision r, Func<int?, int?> numberOf) =>
        new(r.Number, r.Title, r.Slug, r.LeadMarkdown, r.LeadHtml, r.BodyMarkdown, r.BodyHtml, r.PlainText, r.CreatedAt, r.CreatedBy, r.ChangeNote, r.CreatedById)
        {
            Bearing = BackupBearing.From(r.Bearing),
            Course = BackupCourse.From(r.Course),
            Language = r.Language,
            TranslatedFromRevision = numberOf(r.TranslatedFromRevisionId),
            PublishedAt = r.PublishedAt,
            IsMaterialChange = r.IsMaterialChange,
            ChecksOverrideReason = r.ChecksOverrideReason,
        };

    /// <summary>The revision, not yet rendered; its translation source is linked by the item.</summary>
    public ContentRevision ToEntity(ContentKind kind, int formatVersion) => new()
    {
        Number = Number,
        Title = Title,
        Slug = Slug,
        LeadMarkdown = LeadMarkdown,
        BodyMarkdown = BodyMarkdown,
        Bearing = formatVersion == 1 ? LegacyBearing(kind) : Bearing?.ToDetails(),
        Course = formatVersion == 1 ? LegacyCourse(kind) : Course?.ToDetails(Title, Number),
        Language = Language,
        CreatedAt = CreatedAt,
        CreatedBy = CreatedBy,
        CreatedById = CreatedById ?? "",
        ChangeNote = ChangeNote,
        PublishedAt = PublishedAt,
        IsMaterialChange = IsMaterialChange ?? false,
        ChecksOverrideReason = ChecksOverrideReason,
    };

    private BearingDetails? LegacyBearing(ContentKind kind) =>
        ContentKinds.Of(kind).Has(ContentPart.Bearing) || !string.IsNullOrEmpty(PointsMarkdown) || !string.IsNullOrEmpty(DialogQuestionsMarkdown)
            ? new BearingDetails { PointsMarkdown = PointsMarkdown ?? "", DialogQuestionsMarkdown = DialogQuestionsMarkdown ?? "" }
            : null;

    private CourseDetails? LegacyCourse(ContentKind kind) => ContentKinds.Of(kind).Has(ContentPart.Course)
        ? new BackupCourse(Audience, Forvaltning, LengthDays ?? 0, (BearingKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries), SignUp ?? "").ToDetails(Title, Number)
        : null;
}
