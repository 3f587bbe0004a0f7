using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Web.Pages.Pejlemaerker;

/// <summary>A bearing with its place among the others, for its page and for the editors' preview.</summary>
public sealed record BearingView(PublishedItem Bearing, PublishedItem? Previous, PublishedItem? Next, int Position, int Count)
{
    /// <summary>The published courses that train this bearing.</summary>
    public IReadOnlyList<PublishedItem> Courses { get; init; } = [];

    /// <summary>Null when the site has no bearing with that id.</summary>
    public static BearingView? For(PublishedSite site, int bearingId)
    {
        var bearings = site.Bearings;
        var index = bearings.ToList().FindIndex(b => b.Id == bearingId);
        return index < 0
            ? null
            : new BearingView(
                bearings[index],
                index > 0 ? bearings[index - 1] : null,
                index < bearings.Count - 1 ? bearings[index + 1] : null,
                index + 1,
                bearings.Count) { Courses = site.CoursesTraining(bearings[index].Key) };
    }
}
