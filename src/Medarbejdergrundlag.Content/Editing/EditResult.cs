using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Editing;

public enum EditOutcome
{
    Done,

    /// <summary>The input was refused; <see cref="EditResult.Errors"/> says why, field by field.</summary>
    Invalid,

    /// <summary>Someone else changed the item since the editor opened it. Nothing was written.</summary>
    Conflict,

    NotFound,

    /// <summary>
    /// A publish gate (<see cref="Publishing.IPublishGate"/>) refused the publish; <see cref="EditResult.Errors"/>
    /// holds its Danish reasons. Nothing of the publish was written; a draft saved on the way (by
    /// "Gem og udgiv") is kept, and <see cref="EditResult.Revision"/> is it.
    /// </summary>
    Refused,
}

public sealed record EditResult(
    EditOutcome Outcome,
    IReadOnlyDictionary<string, string> Errors,
    ContentItem? Item = null,
    ContentRevision? Revision = null,
    CourseDate? Date = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == EditOutcome.Done;

    public static EditResult Done(ContentItem item, ContentRevision? revision = null) => new(EditOutcome.Done, NoErrors, item, revision);

    public static EditResult Invalid(IReadOnlyDictionary<string, string> errors) => new(EditOutcome.Invalid, errors);

    /// <summary>A refusal that belongs to no single field.</summary>
    public static EditResult Invalid(string message) => new(EditOutcome.Invalid, new Dictionary<string, string> { [""] = message });

    /// <summary>The item as it is now, so the editor can see what changed meanwhile.</summary>
    public static EditResult Conflict(ContentItem current) => new(EditOutcome.Conflict, NoErrors, current, current.CurrentRevision);

    public static EditResult Refused(ContentItem item, IReadOnlyList<string> reasons) =>
        new(EditOutcome.Refused, new Dictionary<string, string> { [""] = "Ikke udgivet: " + string.Join(" ", reasons) }, item, item.CurrentRevision);

    public static EditResult NotFound() => new(EditOutcome.NotFound, NoErrors);

    public static EditResult DateDone(ContentItem item, CourseDate date) => new(EditOutcome.Done, NoErrors, item, null, date);

    /// <summary>The date as it is now, after someone else changed it.</summary>
    public static EditResult DateConflict(ContentItem item, CourseDate current) => new(EditOutcome.Conflict, NoErrors, item, null, current);
}
