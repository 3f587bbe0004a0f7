using Medarbejdergrundlag.Content.Checks;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;

namespace Medarbejdergrundlag.Content.Tests.Checks;

/// <summary>
/// Texts rendered the way the portal renders them (<see cref="RevisionRenderer"/> over the real
/// Markdig pipeline) into published items, and a small published site to check them against.
/// </summary>
internal static class CheckSite
{
    public static readonly RevisionRenderer Renderer = new(new MarkdigRenderer());

    public static PublishedItem Item(int id, ContentKind kind, string key, string slug, string body, string lead = "", string title = "Titel", IReadOnlyList<string>? points = null, IReadOnlyList<string>? questions = null)
    {
        var revision = new ContentRevision
        {
            Id = id,
            Number = 1,
            Title = title,
            Slug = slug,
            LeadMarkdown = lead,
            BodyMarkdown = body,
            Bearing = kind == ContentKind.Bearing
                ? new BearingDetails { PointsMarkdown = string.Join('\n', points ?? []), DialogQuestionsMarkdown = string.Join('\n', questions ?? []) }
                : null,
            CreatedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
            CreatedBy = "Test",
        };
        Renderer.Render(revision);
        var item = new ContentItem { Id = id, Kind = kind, Key = key, SortOrder = id };
        return PublishedItem.FromRevision(item, revision);
    }

    /// <summary>
    /// Published: the charter's first section, the bearing Mod (with a heading, and its old
    /// address "modig" redirecting to it). Not published: Handlekraft. Item 99, "proeve", is the
    /// text under test: a bearing draft.
    /// </summary>
    public static PublishedSite Site() => new(
        [
            Item(1, ContentKind.CharterSection, "kaere-medarbejder", "kaere-medarbejder", "Velkommen.\n\n## Om grundlaget\n\nTekst."),
            Item(2, ContentKind.Bearing, "mod", "mod", "## Sådan viser vi mod\n\nVi siger vores mening."),
        ],
        bearingRedirects: [("modig", 2)]);

    public static PublishedSite EnglishSite() => new(
        [Item(2, ContentKind.Bearing, "mod", "mod", "## How we show courage\n\nWe speak up.") with { Language = PortalCulture.EnglishCode }],
        language: PortalCulture.EnglishCode);

    public static ContentCheckResult CheckDraft(string markdown, ContentCheckOptions? options = null)
    {
        var draft = Item(99, ContentKind.Bearing, "proeve", "proeve", markdown);
        var map = SiteLinkMap.Build(Site(), EnglishSite(), draft);
        return ContentChecker.Check(draft, map, options ?? new ContentCheckOptions());
    }
}
