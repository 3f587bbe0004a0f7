using System.Text.Json.Serialization;
using Medarbejdergrundlag.Content.Courses;

namespace Medarbejdergrundlag.Content.Model;

/// <summary>
/// A course's own fields, stored in its revision's row (an EF Core complex type). Null on every
/// other kind. To add a field: add it here and to <see cref="Editing.CourseInput"/>, show it in the
/// admin form (_CourseFields) and on the course (_Course), and run scripts/add-migration.sh.
/// </summary>
public sealed record CourseDetails
{
    /// <summary>Who the course is for.</summary>
    public required Audience Audience { get; init; }

    public required Forvaltning Forvaltning { get; init; }

    /// <summary>Length in days; half days are allowed.</summary>
    public required decimal LengthDays { get; init; }

    /// <summary>The keys of the bearings it trains, in key order.</summary>
    public IReadOnlyList<string> BearingKeys { get; init; } = [];

    /// <summary>A sign-up link (https://…), an e-mail address, or a contact in words.</summary>
    public required string SignUp { get; init; }

    [JsonIgnore]
    public string LengthText => LengthDays == 1 ? "1 dag" : $"{LengthDays.ToString("0.#", PortalCulture.Danish)} dage";
}

/// <summary>
/// A course's own part in a backup file (<see cref="Backup.BackupRevision"/>), kept beside the part so a
/// new field is added to both; the vocabularies by their names, as the file has always had them.
/// </summary>
public sealed record BackupCourse(string? Audience, string? Forvaltning, decimal LengthDays, IReadOnlyList<string>? BearingKeys, string? SignUp)
{
    public static BackupCourse? From(CourseDetails? d) =>
        d is null ? null : new(d.Audience.ToString(), d.Forvaltning.ToString(), d.LengthDays, d.BearingKeys, d.SignUp);

    public CourseDetails ToDetails(string title, int number) =>
        CourseTerms.ParseAudience(Audience) is { } audience && CourseTerms.ParseForvaltning(Forvaltning) is { } forvaltning
            ? new CourseDetails { Audience = audience, Forvaltning = forvaltning, LengthDays = LengthDays, BearingKeys = BearingKeys ?? [], SignUp = SignUp ?? "" }
            : throw new Backup.ContentBackupException($"Forløbet »{title}« (version {number}) mangler målgruppe eller forvaltning i sikkerhedskopien.");
}
