using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;
using Medarbejdergrundlag.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Medarbejdergrundlag.Web.Pages;

/// <summary>
/// The accessibility statement after the Danish model statement. Public on purpose: people must be
/// able to read it, and to find how to complain, also when they cannot sign in. Its text is a
/// content item HR edits and reviews (seeded from the first version's text); its "senest
/// gennemgået" date is that item's last review or publish. It is read from the database per view
/// (one row; the page is rarely visited), so a review shows at once.
/// </summary>
[AllowAnonymous]
public sealed class TilgaengelighedModel(ContentDbContext db, RevisionRenderer renderer, IOptions<AccessibilityOptions> options) : PageModel
{
    public StatementView Statement { get; private set; } = default!;

    public async Task OnGetAsync()
    {
        var published = await db.Items.AsNoTracking()
            .Where(i => i.Kind == ContentKind.AccessibilityStatement && !i.IsArchived && i.PublishedRevisionId != null)
            .OrderBy(i => i.Id)
            .Select(i => new { i.PublishedRevision!.Title, i.PublishedRevision.LeadHtml, i.PublishedRevision.BodyHtml, i.LastReviewedAt })
            .FirstOrDefaultAsync();
        Statement = published is not null
            ? new StatementView(published.Title, published.LeadHtml, published.BodyHtml, options.Value, published.LastReviewedAt)
            : Seeded();
    }

    /// <summary>The law wants a statement at all times: archived or unpublished by mistake, the seed text stands in.</summary>
    private StatementView Seeded()
    {
        var seed = SeedDocument.LoadAll().Single(d => d.Kind == ContentKind.AccessibilityStatement);
        var revision = new ContentRevision { Title = seed.Title, Slug = seed.Slug, LeadMarkdown = seed.Lead, BodyMarkdown = seed.Body, CreatedBy = "" };
        renderer.Render(revision);
        return new StatementView(revision.Title, revision.LeadHtml, revision.BodyHtml, options.Value, null);
    }
}
