using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Confirmations;

/// <summary>Confirming on the charter page, the change pages, the reader's own page and HR's figures, through HTTP.</summary>
public sealed class ConfirmationPageTests
{
    [Fact]
    public async Task TwoEmployeesLoadingTheCharterAtOnceEachSeeTheirOwnStatusFromOneSharedCachedBody()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var mette = await factory.SignedInClientAsync("medarbejder");
        var lars = await factory.SignedInClientAsync("leder");
        await ConfirmAsync(mette);
        var cache = factory.Services.GetRequiredService<Medarbejdergrundlag.Web.Infrastructure.WholePageCache>();
        await mette.GetDocumentAsync("/medarbejdergrundlag");
        var entries = cache.Count;

        for (var round = 0; round < 5; round++)
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? mette : lars).GetDocumentAsync("/medarbejdergrundlag")));
            for (var i = 0; i < pages.Length; i++)
            {
                var page = pages[i];
                if (i % 2 == 0)
                {
                    Assert.Contains("Du bekræftede den", page.QuerySelector("[data-reader-status=confirmed]")!.Text());
                    Assert.Null(page.QuerySelector("form[action='/medarbejdergrundlag/bekraeft']"));
                    Assert.Null(page.QuerySelector("[data-confirm-jump]"));
                }
                else
                {
                    Assert.Null(page.QuerySelector("[data-reader-status]"));
                    // Near the top, a jump to the button some 9,000 px down on a phone; before the charter's h1.
                    var jump = page.QuerySelector("[data-confirm-jump] a[href='#bekraeft']")!;
                    Assert.Equal("Bekræft, at du har læst", jump.Text());
                    Assert.True(jump.CompareDocumentPosition(page.QuerySelector("main h1")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
                    Assert.Equal("Jeg har læst og forstået medarbejdergrundlaget",
                        page.QuerySelector("#bekraeft form[action='/medarbejdergrundlag/bekraeft'] button")!.Text());
                }
            }

            // One cached body, shared by both readers: the same markup, and no new cache entry.
            Assert.Equal(Shared(pages[0]), Shared(pages[1]));
            Assert.Equal(entries, cache.Count);
        }
    }

    [Fact]
    public async Task AMaterialChangeBringsTheNoticeAndTheWordDiffAndConfirmingAgainRemovesIt()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var employee = await factory.SignedInClientAsync();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        await ConfirmAsync(employee);

        await PublishThroughFormAsync(factory, editor, "handlekraft", "Vi handler, når det gælder.", material: false);
        Assert.Null((await employee.GetDocumentAsync("/medarbejdergrundlag")).QuerySelector("[data-reader-status=changed]"));

        await PublishThroughFormAsync(factory, editor, "mod", "Vi har modet til at sige fra, også når det koster.", material: true);
        var charter = await employee.GetDocumentAsync("/medarbejdergrundlag");
        var notice = charter.QuerySelector("[data-reader-status=changed]")!;
        Assert.Contains("Mod", notice.Text());
        Assert.DoesNotContain("Handlekraft", notice.Text());
        Assert.Equal("/aendringer/siden-du-bekraeftede", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(charter.QuerySelector("[data-confirm-jump] a[href='#bekraeft']"));

        var diff = await employee.GetDocumentAsync("/aendringer/siden-du-bekraeftede");
        Assert.Equal(["Mod"], diff.QuerySelectorAll("section.change h2").Select(h => h.Text()));
        Assert.Equal("Tilføjet: Vi har modet til at sige fra, også når det koster.", Assert.Single(diff.QuerySelectorAll("ins")).Text());
        Assert.Empty(diff.QuerySelectorAll("del"));
        Assert.Contains("Væsentlig ændring i test", diff.QuerySelector(".change__notes")!.Text());

        var confirmed = await Forms.SubmitAsync(employee, "/aendringer/siden-du-bekraeftede", "#bekraeft form");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/medarbejdergrundlag#bekraeft", confirmed.Headers.Location!.OriginalString);
        // The next page reads this reader's status afresh rather than from the minute it may be remembered for.
        var fresh = Assert.Single(confirmed.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mg.confirmed=1;", StringComparison.Ordinal));
        Assert.Contains("httponly", fresh, StringComparison.OrdinalIgnoreCase);
        var after = await employee.GetDocumentAsync("/medarbejdergrundlag");
        Assert.Null(after.QuerySelector("[data-reader-status=changed]"));
        Assert.NotNull(after.QuerySelector("[data-reader-status=confirmed]"));
        Assert.Null(after.QuerySelector("[data-confirm-jump]"));
    }

    [Fact]
    public async Task TheChangeLogAndItsAtomFeedListPublishedChangesNewestFirstForSignedInReaders()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var employee = await factory.SignedInClientAsync();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        await PublishThroughFormAsync(factory, editor, "mod", "Første ændring af mod.", material: false);
        await PublishThroughFormAsync(factory, editor, "phoenix", "Phønix har fået ny tekst.", material: false);

        var log = await employee.GetDocumentAsync("/aendringer");
        Assert.Equal(["Phønix", "Mod"], log.QuerySelectorAll("article.change h2").Select(h => h.Text()).Take(2));
        Assert.Equal("Tilføjet: Phønix har fået ny tekst.", log.QuerySelector("article.change ins")!.Text());

        var response = await employee.GetAsync("/aendringer/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        // The feed names itself, its page and each entry's place on that page; a feed reader may keep it five minutes, no shared cache may.
        Assert.Equal((true, TimeSpan.FromMinutes(5), false), (response.Headers.CacheControl!.Private, response.Headers.CacheControl.MaxAge, response.Headers.CacheControl.NoStore));
        Assert.Equal("da", feed.Language);
        Assert.Equal("http://localhost/aendringer", feed.Id);
        Assert.Equal("Odense Kommune, HR", Assert.Single(feed.Authors).Name);
        var self = Assert.Single(feed.Links, l => l.RelationshipType == "self");
        Assert.Equal(("http://localhost/aendringer/feed.atom", "application/atom+xml"), (self.Uri.ToString(), self.MediaType));
        Assert.Contains(feed.Links, l => l.RelationshipType == "alternate" && l.Uri.ToString() == "http://localhost/aendringer");
        var newest = feed.Items.First();
        Assert.NotEqual(default, newest.PublishDate);
        Assert.Equal(newest.PublishDate, newest.LastUpdatedTime);
        Assert.Equal(newest.PublishDate, feed.LastUpdatedTime);
        Assert.Matches("^http://localhost/aendringer#aendring-[0-9]+$", newest.Id);
        Assert.Equal(newest.Id, Assert.Single(newest.Links).Uri.ToString());
        Assert.Equal(["Phønix: ændret", "Mod: ændret"], feed.Items.Select(i => i.Title.Text).Take(2));
        Assert.Contains("<ins>", ((TextSyndicationContent)feed.Items.First().Content).Text);
        Assert.Equal("Rettelse i test", feed.Items.First().Summary.Text);

        // A material change says so in its entry's title.
        await PublishThroughFormAsync(factory, editor, "kaere-medarbejder", "En væsentlig sætning.", material: true);
        using var materialReader = XmlReader.Create(await employee.GetStreamAsync("/aendringer/feed.atom"));
        var material = SyndicationFeed.Load(materialReader).Items.First();
        Assert.EndsWith(": væsentlig ændring", material.Title.Text, StringComparison.Ordinal);
        Assert.Equal("Væsentlig ændring i test", material.Summary.Text);

        var anonymous = await factory.CreatePlainClient().GetAsync("/aendringer/feed.atom");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task HrSeesCountsByEachReadersLatestConfirmationPerForvaltningAndNoNames()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        // Older version: 3 readers; then a material change; then 6 + 2 readers on the version in force,
        // and one of the three older readers confirms again (counted once, as current).
        await ConfirmDirectlyAsync(factory, "Ældre- og Handicapforvaltningen", "sub-a1", "sub-a2", "sub-a3");
        await PublishThroughFormAsync(factory, editor, "mod", "En væsentlig ny tekst om mod.", material: true);
        await ConfirmDirectlyAsync(factory, "Ældre- og Handicapforvaltningen", "sub-b1", "sub-b2", "sub-b3", "sub-b4", "sub-b5", "sub-a1");
        await ConfirmDirectlyAsync(factory, "By- og Kulturforvaltningen", "sub-c1", "sub-c2");

        var response = await editor.GetAsync("/admin/bekraeftelser");
        var html = await response.Content.ReadAsStringAsync();
        var page = Html.Parse(html);

        Assert.Equal("8", page.QuerySelector("[data-figure=current]")!.Text());
        Assert.Equal("2", page.QuerySelector("[data-figure=older]")!.Text());
        Assert.Equal("10", page.QuerySelector("[data-figure=total]")!.Text());
        var rows = page.QuerySelectorAll("tbody tr").Select(r => r.Text()).ToList();
        // By- og Kultur's 2 would show by subtraction beside a named 8 and the total 10, so the two are
        // shown together, unnamed, and the 2 readers of an older version are not split out.
        Assert.Equal(["Øvrige forvaltninger Fordelingen vises ikke 10"], rows);
        Assert.DoesNotContain("By- og Kulturforvaltningen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sub-", html, StringComparison.Ordinal);
        Assert.DoesNotContain("persona:", html, StringComparison.Ordinal);

        var employee = await factory.SignedInClientAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await employee.GetAsync("/admin/bekraeftelser")).StatusCode);
    }

    [Fact]
    public async Task AReaderSeesAndWithdrawsTheirOwnConfirmationAndTheRowIsGone()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var employee = await factory.SignedInClientAsync();
        var leader = await factory.SignedInClientAsync("leder");
        await ConfirmAsync(employee);
        await ConfirmAsync(leader);

        var mine = await employee.GetDocumentAsync("/konto/bekraeftelser");
        Assert.Single(mine.QuerySelectorAll("tbody tr"));
        Assert.Contains("Den gældende", mine.QuerySelector("tbody tr")!.Text());

        // "Træk tilbage" asks once, on the page itself (a GET form: no script needed), before anything goes.
        var id = mine.QuerySelector("tbody form[method=get] input[name=traek]")!.GetAttribute("value")!;
        var asked = await employee.GetDocumentAsync("/konto/bekraeftelser?traek=" + id);
        Assert.StartsWith("Vil du trække bekræftelsen fra ", asked.QuerySelector(".withdraw-confirm h2")!.Text());
        Assert.Single(asked.QuerySelectorAll("tbody tr"));
        var withdrawn = await Forms.PostAsync(employee, "/konto/bekraeftelser", asked.QuerySelector(".withdraw-confirm form")!);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        Assert.Contains("trukket tilbage", (await employee.GetDocumentAsync("/konto/bekraeftelser")).QuerySelector("[role=status]")!.Text());
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        Assert.Equal(["persona:leder"], await db.Confirmations.Select(c => c.SubjectId).ToListAsync());
    }

    [Fact]
    public async Task WithdrawingWithoutSayingYesOnlyAsksAndKeepsTheConfirmation()
    {
        using var factory = new PortalFactory();
        var employee = await factory.SignedInClientAsync();
        await ConfirmAsync(employee);
        var id = (await employee.GetDocumentAsync("/konto/bekraeftelser")).QuerySelector("tbody form input[name=traek]")!.GetAttribute("value")!;
        var token = await PortalFactory.AntiforgeryTokenAsync(employee, "/konto/bekraeftelser?traek=" + id);

        // A post straight from the table, as the page sent it before issue 31: nothing goes, the page asks.
        var one = await employee.PostAsync("/konto/bekraeftelser?handler=TraekTilbage", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = id }));
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal("/konto/bekraeftelser?traek=" + id, one.Headers.Location!.OriginalString);
        var all = await employee.PostAsync("/konto/bekraeftelser?handler=TraekAlleTilbage", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/konto/bekraeftelser?traek=alle", all.Headers.Location!.OriginalString);

        var asked = await employee.GetDocumentAsync(all.Headers.Location.OriginalString);
        Assert.Equal("Vil du trække alle dine bekræftelser tilbage?", asked.QuerySelector(".withdraw-confirm h2")!.Text());
        Assert.Equal("/konto/bekraeftelser", asked.QuerySelector(".withdraw-confirm a")!.GetAttribute("href"));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Confirmations.CountAsync());
    }

    [Fact]
    public async Task TheEditFormOffersVaesentligAendringForTheCharterAndNotForThePhoenixPage()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var editor = await factory.SignedInClientAsync("hr-redaktoer");

        var mod = await editor.GetDocumentAsync($"/admin/indhold/{ItemId(factory, "mod")}");
        Assert.Contains("Væsentlig ændring", mod.QuerySelector("label[for=Form_MaterialChange]")!.Text());
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)mod.QuerySelector("#Form_MaterialChange")!).IsChecked);

        var phoenix = await editor.GetDocumentAsync($"/admin/indhold/{ItemId(factory, "phoenix")}");
        Assert.Null(phoenix.QuerySelector("#Form_MaterialChange"));

        await PublishThroughFormAsync(factory, editor, "mod", "Ny tekst om mod.", material: true);
        var history = await editor.GetDocumentAsync($"/admin/indhold/{ItemId(factory, "mod")}/historik");
        Assert.Single(history.QuerySelectorAll("tbody .status--material"));
        var log = await editor.GetDocumentAsync("/admin/log");
        Assert.Contains("Væsentlig ændring", log.QuerySelector("main")!.Text());
    }

    [Fact]
    public async Task TheManagersPageExplainsConfirmingAndLinksANewEmployeeStraightToTheButton()
    {
        using var factory = new PortalFactory().WithoutApproval();
        var leader = await factory.SignedInClientAsync("leder");

        var page = await leader.GetDocumentAsync("/til-ledere");
        var section = page.QuerySelector("section[aria-labelledby=bekraeft-title]")!;
        Assert.Contains("Du får ingen liste over, hvem der har bekræftet", section.Text());
        Assert.Equal("Læs og bekræft medarbejdergrundlaget", section.QuerySelector("a[href='/medarbejdergrundlag#bekraeft']")!.Text());
        Assert.NotNull(section.QuerySelector(".copy-link a[href$='/medarbejdergrundlag#bekraeft']"));

        // The link's target exists on the charter: the section with the button.
        var charter = await (await factory.SignedInClientAsync()).GetDocumentAsync("/medarbejdergrundlag");
        Assert.NotNull(charter.QuerySelector("#bekraeft button"));
    }

    /// <summary>The main content without the parts written for each reader.</summary>
    private static string Shared(AngleSharp.Dom.IDocument page)
    {
        foreach (var own in page.QuerySelectorAll("main [data-per-reader]").ToList())
        {
            own.Remove();
        }

        return System.Text.RegularExpressions.Regex.Replace(page.QuerySelector("main")!.InnerHtml, @"\s+", " ");
    }

    private static async Task ConfirmAsync(HttpClient client)
    {
        var response = await Forms.SubmitAsync(client, "/medarbejdergrundlag", "#bekraeft form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/medarbejdergrundlag#bekraeft", response.Headers.Location!.OriginalString);
    }

    private static async Task ConfirmDirectlyAsync(PortalFactory factory, string forvaltning, params string[] subjects)
    {
        foreach (var subject in subjects)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var version = CharterVersion.Of(await scope.ServiceProvider.GetRequiredService<PublishedContentStore>().GetAsync());
            Assert.Equal(ConfirmOutcome.Confirmed, await scope.ServiceProvider.GetRequiredService<CharterConfirmations>().ConfirmAsync(subject, version, forvaltning));
        }
    }

    private static int ItemId(PortalFactory factory, string key)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Single(i => i.Key == key).Id;
    }

    /// <summary>"Gem og udgiv" on the admin edit page, with or without "Væsentlig ændring": <paramref name="paragraph"/> is added to the text.</summary>
    private static async Task PublishThroughFormAsync(PortalFactory factory, HttpClient editor, string key, string paragraph, bool material)
    {
        var path = $"/admin/indhold/{ItemId(factory, key)}";
        string body;
        using (var scope = factory.Services.CreateScope())
        {
            body = scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Include(i => i.CurrentRevision).Single(i => i.Key == key).CurrentRevision!.BodyMarkdown;
        }

        var changes = new Dictionary<string, string> { ["Form.Body"] = body + "\n\n" + paragraph, ["Form.ChangeNote"] = material ? "Væsentlig ændring i test" : "Rettelse i test" };
        if (material)
        {
            changes["Form.MaterialChange"] = "true";
        }

        var response = await Forms.SubmitAsync(editor, path, "form.edit-form", changes, handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
