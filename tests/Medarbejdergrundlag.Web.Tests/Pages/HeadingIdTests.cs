using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Pages;

/// <summary>Headings an editor writes never take an id the page already uses.</summary>
public sealed class HeadingIdTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task HeadingsNamedLikeTheBearingsAndMainKeepEveryIdOnTheCharterPageUnique()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();

            // The same headings in two charter sections and a bearing: "Mod" is also the bearing's
            // section (#mod), "Indhold" is main's id.
            var items = await db.Items.Where(i => i.Kind == ContentKind.CharterSection || i.Key == "mod").Select(i => i.Id).Take(3).ToListAsync();
            Assert.Equal(3, items.Count);
            foreach (var id in items)
            {
                var item = (await editor.FindAsync(id))!;
                var input = RevisionInput.From(item.CurrentRevision!);
                var saved = await editor.SaveDraftAsync(id, item.Version, input with { Body = "## Mod\n\nTekst.\n\n## Indhold\n\nMere.\n\n" + input.Body, ChangeNote = "Overskrifter" }, "Test");
                Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
                Assert.True((await editor.PublishAsync(id, saved.Item!.Version, "Test")).Succeeded);
            }
        }

        var client = await _factory.SignedInClientAsync();
        var page = await client.GetDocumentAsync("/medarbejdergrundlag");

        var ids = page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("section", page.QuerySelector("#mod")!.LocalName);
        Assert.Equal("main", page.QuerySelector("#indhold")!.LocalName);
        Assert.Equal(6, page.QuerySelectorAll("h2[id^='afsnit-'], h3[id^='afsnit-']").Length);
    }
}
