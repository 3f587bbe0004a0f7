using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Tests.Shared;
using Medarbejdergrundlag.Web.Infrastructure;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>Høringslinks through HTTP (issue 27): made on the edit page, read and commented by an employee, gone with a Danish 410.</summary>
public sealed class ConsultationPagesTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), running: true);

    [Fact]
    public async Task AnEmployeeReadsTheDraftPrivatelyCommentsAndTheEditorSeesWhoAndWhenUntilTheLinkExpires()
    {
        using var factory = new PortalFactory().WithServices(s => s.AddSingleton<TimeProvider>(_clock));
        var hanne = await factory.SignedInClientAsync("hr-redaktoer");
        var mette = await factory.SignedInClientAsync("medarbejder");
        var id = ItemId(factory, "mod");
        var edit = $"/admin/indhold/{id}";
        await Forms.SubmitAsync(hanne, edit, "form.edit-form", new() { ["Form.Body"] = "Vi tør sige fra i høringsudkastet." }, "Save");

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(hanne, edit, "form.consultation__create")).StatusCode);
        var url = (await hanne.GetDocumentAsync(edit)).QuerySelector("[data-consultation-url]")!.GetAttribute("value")!;
        var path = new Uri(url).AbsolutePath;
        Assert.StartsWith("/hoering/", path);
        // Shown once: the next view of the edit page no longer has it, and the database has only its hash.
        Assert.Null((await hanne.GetDocumentAsync(edit)).QuerySelector("[data-consultation-url]"));
        using (var scope = factory.Services.CreateScope())
        {
            var token = path["/hoering/".Length..];
            Assert.False(await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ConsultationLinks.AnyAsync(l => l.TokenHash.Contains(token)));
        }

        var cached = factory.Services.GetRequiredService<WholePageCache>().Count;
        var response = await mette.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("noindex", string.Join(",", response.Headers.GetValues("X-Robots-Tag")));
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("Udkast – ikke offentliggjort", page.QuerySelector("[data-consultation-draft]")!.TextContent);
        Assert.Contains("høringsudkastet", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector(".consultation-diff ins, .consultation-diff .diff"));
        Assert.Equal(cached, factory.Services.GetRequiredService<WholePageCache>().Count);
        Assert.Equal(HttpStatusCode.NotFound, (await mette.GetAsync("/en" + path)).StatusCode);
        // Search finds nothing of the draft (the page only repeats the query).
        Assert.Contains("gen resultater for »høringsudkastet«", (await mette.GetDocumentAsync("/soeg?q=h%C3%B8ringsudkastet")).QuerySelector("main")!.TextContent);

        // An empty comment is refused in Danish; a real one reaches the edit page and the history with the reader's name.
        var empty = await Forms.SubmitAsync(mette, path, ".consultation-comment form", new() { ["Comment"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Skriv en kommentar.", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(mette, path, ".consultation-comment form", new() { ["Comment"] = "Husk også de nye kolleger." })).StatusCode);
        var links = (await hanne.GetDocumentAsync(edit)).QuerySelector("[data-consultation]")!.TextContent;
        Assert.Contains("Mette Medarbejder åbnede linket.", links);
        Assert.Contains("Husk også de nye kolleger.", links);
        Assert.Contains("Husk også de nye kolleger.", (await hanne.GetDocumentAsync(edit + "/historik")).QuerySelector("main")!.TextContent);

        // Fourteen days on, it is gone, and says why in Danish.
        _clock.Advance(TimeSpan.FromDays(14));
        mette = await factory.SignedInClientAsync("medarbejder");
        var expired = await mette.GetAsync(path);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var gone = Html.Parse(await expired.Content.ReadAsStringAsync());
        Assert.Contains("Linket er udløbet.", gone.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("høringsudkastet", gone.QuerySelector("main")!.TextContent);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ConsultationEntries.CountAsync(e => e.Comment != null));
        }
    }

    [Fact]
    public async Task ALinkToARevisionThatWasPublishedOrRevokedAnswers410()
    {
        using var factory = new PortalFactory();
        var hanne = await factory.SignedInClientAsync("hr-redaktoer");
        var mette = await factory.SignedInClientAsync("medarbejder");
        var id = ItemId(factory, "phoenix");
        var edit = $"/admin/indhold/{id}";
        await Forms.SubmitAsync(hanne, edit, "form.edit-form", new() { ["Form.Body"] = "Phønix i høring." }, "Save");
        await Forms.SubmitAsync(hanne, edit, "form.consultation__create");
        var first = new Uri((await hanne.GetDocumentAsync(edit)).QuerySelector("[data-consultation-url]")!.GetAttribute("value")!).AbsolutePath;
        await Forms.SubmitAsync(hanne, edit, "form.consultation__create");
        var second = new Uri((await hanne.GetDocumentAsync(edit)).QuerySelector("[data-consultation-url]")!.GetAttribute("value")!).AbsolutePath;

        // "Tilbagekald" on the newest link (listed first).
        await Forms.SubmitAsync(hanne, edit, "[data-consultation] form[action*=RevokeConsultationLink]");
        var revoked = await mette.GetAsync(second);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("tilbagekaldt", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await mette.GetAsync(first)).StatusCode);

        // Phønix is not part of the charter, so it publishes without approval; the link is then gone.
        await Forms.SubmitAsync(hanne, edit, "form.edit-form", null, "Publish");
        var published = await mette.GetAsync(first);
        Assert.Equal(HttpStatusCode.Gone, published.StatusCode);
        Assert.Contains("Udkastet er blevet udgivet.", await published.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await mette.GetAsync("/hoering/findes-ikke")).StatusCode);
    }

    private static int ItemId(PortalFactory factory, string key)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).Single();
    }
}
