using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Indhold;

/// <summary>The edit form's fields. Validation is the editing service's, so it is the same everywhere.</summary>
public sealed class EditForm
{
    public string? Title { get; set; }

    public string? Slug { get; set; }

    public string? Lead { get; set; }

    public string? Body { get; set; }

    public string? Points { get; set; }

    /// <summary>Bearings: the managers' dialog questions, one a line.</summary>
    public string? DialogQuestions { get; set; }

    public string? ChangeNote { get; set; }

    // Courses only.
    public string? Audience { get; set; }

    public string? Forvaltning { get; set; }

    public string? LengthDays { get; set; }

    public List<string> Bearings { get; set; } = [];

    public string? SignUp { get; set; }

    /// <summary>"Væsentlig ændring" at publish: readers who confirmed the charter are asked to confirm again. Not part of the text.</summary>
    public bool MaterialChange { get; set; }

    /// <summary>The item's version when the editor opened it: the concurrency check.</summary>
    public int Version { get; set; }

    /// <summary>The revision the editor started from, to show what others changed since.</summary>
    public int BaseRevisionNumber { get; set; }

    public static EditForm From(ContentItem item)
    {
        var current = item.CurrentRevision!;
        return new EditForm
        {
            Title = current.Title,
            Slug = current.Slug,
            Lead = current.LeadMarkdown,
            Body = current.BodyMarkdown,
            Points = current.PointsMarkdown,
            DialogQuestions = current.DialogQuestionsMarkdown,
            Audience = current.Audience,
            Forvaltning = current.Forvaltning,
            LengthDays = current.LengthDays?.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture),
            Bearings = (current.BearingKeys ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
            SignUp = current.SignUp,
            Version = item.Version,
            BaseRevisionNumber = current.Number,
        };
    }

    public RevisionInput ToInput() => new(Title, Slug, Lead, Body, Points, ChangeNote, Audience, Forvaltning, LengthDays, string.Join(',', Bearings), SignUp, DialogQuestions);
}
