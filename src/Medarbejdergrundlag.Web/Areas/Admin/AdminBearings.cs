using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>The bearings a course can name, by their immutable key and current title.</summary>
public static class AdminBearings
{
    private static readonly IReadOnlyList<ContentKind> s_kinds = ContentKinds.With(ContentPart.Bearing);

    public static async Task<IReadOnlyList<(string Key, string Title)>> LoadAsync(ContentDbContext db) =>
        (await db.Items.AsNoTracking()
            .Where(i => s_kinds.Contains(i.Kind) && !i.IsArchived)
            .OrderBy(i => i.SortOrder)
            .Select(i => new { i.Key, i.CurrentRevision!.Title })
            .ToListAsync())
        .Select(b => (b.Key, b.Title))
        .ToList();
}
