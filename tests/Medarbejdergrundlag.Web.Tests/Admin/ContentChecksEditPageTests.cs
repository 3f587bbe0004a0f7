using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>
/// The edit page shows the content checks of the saved draft after every save, in Danish and in
/// data attributes; "Gem og udgiv" is refused while something must be fixed, and goes through with
/// a reason, which the log keeps.
/// </summary>
public sealed class ContentChecksEditPageTests
{
    [Fact]
    public async Task AnEditorSeesTheFindingsCannotPublishAndPublishesWithAReason()
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "mod").Select(i => i.Id).SingleAsync();
        }

        var clean = await editor.GetDocumentAsync($"/admin/indhold/{id}");
        var before = clean.QuerySelector("section.content-checks--draft")!;
        Assert.Equal(("0", "0", "0"), (before.GetAttribute("data-findings"), before.GetAttribute("data-blocking"), before.GetAttribute("data-warnings")));
        Assert.False(string.IsNullOrEmpty(before.GetAttribute("data-lix")));
        Assert.Null(clean.QuerySelector("textarea[name='Form.ChecksOverride']"));

        var refused = await Forms.SubmitAsync(editor, $"/admin/indhold/{id}", "form.edit-form",
            new() { ["Form.Body"] = "Vi tør sige fra. ![](/billeder/mod.jpg) Se [afsnittet](#findes-ikke) og [klik her](/phoenix)." }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var page = await editor.GetDocumentAsync($"/admin/indhold/{id}");
        var checks = page.QuerySelector("section.content-checks--draft")!;
        Assert.Equal(("2", "1"), (checks.GetAttribute("data-blocking"), checks.GetAttribute("data-warnings")));
        Assert.Equal(["billede-uden-alt", "link-til-manglende-afsnit", "uklar-linktekst"],
            checks.QuerySelectorAll("li.finding").Select(f => f.GetAttribute("data-rule")!).Order(StringComparer.Ordinal));
        Assert.StartsWith("Ikke udgivet: Indholdstjekket fandt 2 fejl", page.QuerySelector("p.notice")!.TextContent.Trim());
        var reader = await factory.SignedInClientAsync("medarbejder");
        Assert.DoesNotContain("Vi tør sige fra.", (await reader.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.TextContent);

        var published = await Forms.SubmitAsync(editor, $"/admin/indhold/{id}", "form.edit-form",
            new() { ["Form.ChecksOverride"] = "Billedet lægges op i morgen." }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Vi tør sige fra.", (await reader.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.TextContent);
        await using var db = factory.Database.NewContext();
        var logged = await db.AuditEntries.Where(a => a.ContentItemId == id && a.Action == AuditAction.Published).OrderBy(a => a.Id).LastAsync();
        Assert.Contains("med begrundelsen: »Billedet lægges op i morgen.«", logged.Details);
    }
}
