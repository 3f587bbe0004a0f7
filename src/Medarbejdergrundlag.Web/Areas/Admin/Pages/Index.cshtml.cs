using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages;

public sealed class IndexModel(ContentDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, ContentKind Kind, bool HasUnpublishedChanges, string UpdatedBy, DateTime UpdatedAt);

    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync() =>
        Items = await db.Items.AsNoTracking()
            .OrderBy(i => i.Kind).ThenBy(i => i.SortOrder)
            .Select(i => new Row(i.Id, i.CurrentRevision!.Title, i.Kind, i.CurrentRevisionId != i.PublishedRevisionId, i.UpdatedBy, i.UpdatedAt))
            .ToListAsync();
}
