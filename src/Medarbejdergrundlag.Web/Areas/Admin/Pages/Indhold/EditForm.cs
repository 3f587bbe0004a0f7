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

    public string? ChangeNote { get; set; }

    /// <summary>Bearings only: points and the managers' dialog questions.</summary>
    public BearingInput? Bearing { get; set; }

    /// <summary>Courses only. The bearings it trains come from checkboxes, in <see cref="Bearings"/>.</summary>
    public CourseInput? Course { get; set; }

    public List<string> Bearings { get; set; } = [];

    /// <summary>"Væsentlig ændring" at publish: readers who confirmed the charter are asked to confirm again. Not part of the text.</summary>
    public bool MaterialChange { get; set; }

    /// <summary>Why to publish although the content checks found something that must be fixed; logged with the publish.</summary>
    public string? ChecksOverride { get; set; }

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
            Bearing = BearingInput.From(current.Bearing),
            Course = CourseInput.From(current.Course),
            Bearings = current.Course?.BearingKeys.ToList() ?? [],
            Version = item.Version,
            BaseRevisionNumber = current.Number,
            // The note of an unpublished draft is the note for publishing it: "Gem kladde" must not empty it.
            ChangeNote = item.HasUnpublishedChanges ? current.ChangeNote : null,
        };
    }

    public RevisionInput ToInput() => new(Title, Slug, Lead, Body, ChangeNote)
    {
        Bearing = Bearing,
        Course = Course is null ? null : Course with { Bearings = string.Join(',', Bearings) },
    };
}
