using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin;

/// <summary>The bearings a course can name, by their immutable key and current title.</summary>
public static class AdminBearings
{
    public static async Task<IReadOnlyList<(string Key, string Title)>> LoadAsync(ContentDbContext db) =>
        (await db.Items.AsNoTracking()
            .Where(i => i.Kind == ContentKind.Bearing && !i.IsArchived)
            .OrderBy(i => i.SortOrder)
            .Select(i => new { i.Key, i.CurrentRevision!.Title })
            .ToListAsync())
        .Select(b => (b.Key, b.Title))
        .ToList();
}
