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

    [Fact]
    public async Task TypedTextIsCheckedLiveAndNothingIsSaved()
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var (id, revisionsBefore) = await ItemAsync(factory, "mod");

        var live = await Forms.SubmitAsync(editor, $"/admin/indhold/{id}", "form.edit-form",
            new() { ["Form.Body"] = "Vi tør sige fra. ![](/billeder/mod.jpg) Se [afsnittet](#findes-ikke)." }, "Checks");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var section = Html.Parse(await live.Content.ReadAsStringAsync()).QuerySelector("section[data-live-checks]")!;
        Assert.Equal(("2", "0"), (section.GetAttribute("data-blocking"), section.GetAttribute("data-warnings")));
        Assert.Equal("Indholdstjek af teksten, som du skriver den", section.QuerySelector("h2")!.TextContent);
        Assert.Equal(revisionsBefore, (await ItemAsync(factory, "mod")).Revisions);

        // The same answer for a clean text: no findings.
        var clean = await Forms.SubmitAsync(editor, $"/admin/indhold/{id}", "form.edit-form", new() { ["Form.Body"] = "Vi tør sige fra." }, "Checks");
        Assert.Equal("0", Html.Parse(await clean.Content.ReadAsStringAsync()).QuerySelector("section[data-live-checks]")!.GetAttribute("data-findings"));

        // An employee cannot use it: the admin area's policy guards the handler too.
        var employee = await factory.SignedInClientAsync("medarbejder");
        var refused = await employee.PostAsync($"/admin/indhold/{id}?handler=Checks", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task ArchivingABearingTheCharterLinksToWarnsTheEditorAndTheCharterOwnerSeesTheBrokenLinkAfterwards()
    {
        using var factory = new PortalFactory();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        var (modId, _) = await ItemAsync(factory, "mod");
        var (charterId, _) = await ItemAsync(factory, "kaere-medarbejder");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, $"/admin/indhold/{charterId}", "form.edit-form",
            new() { ["Form.Body"] = "Læs om [pejlemærket Mod](/pejlemaerker/mod)." }, "Publish")).StatusCode);
        Assert.Null((await editor.GetDocumentAsync("/admin")).QuerySelector("[data-owned-broken-links]"));

        var edit = await editor.GetDocumentAsync($"/admin/indhold/{modId}");
        var warning = edit.QuerySelector(".danger-zone .archive-breaks-links")!;
        Assert.Contains("Kære medarbejder i Odense Kommune", warning.QuerySelectorAll("li a").Select(a => a.TextContent));
        Assert.Contains($"/admin/indhold/{charterId}", warning.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")));

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(editor, $"/admin/indhold/{modId}", ".danger-zone form")).StatusCode);

        // Nobody owns the charter section yet, so nobody is shown it on the overview; its owner is.
        Assert.Null((await editor.GetDocumentAsync("/admin")).QuerySelector("[data-owned-broken-links]"));
        await using (var db = factory.Database.NewContext())
        {
            var charter = await db.Items.SingleAsync(i => i.Id == charterId);
            (charter.OwnerId, charter.OwnerName) = ("persona:hr-redaktoer", "Hanne HR-redaktør");
            await db.SaveChangesAsync();
        }

        var owned = (await editor.GetDocumentAsync("/admin")).QuerySelector("[data-owned-broken-links]")!;
        Assert.Contains("/pejlemaerker/mod", owned.TextContent);
        Assert.Contains($"/admin/indhold/{charterId}", owned.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    private static async Task<(int Id, int Revisions)> ItemAsync(PortalFactory factory, string key)
    {
        await using var db = factory.Database.NewContext();
        var item = await db.Items.Where(i => i.Key == key).Select(i => new { i.Id, Revisions = i.Revisions.Count }).SingleAsync();
        return (item.Id, item.Revisions);
    }
}
