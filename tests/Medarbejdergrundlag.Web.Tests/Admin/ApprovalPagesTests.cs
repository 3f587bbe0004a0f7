using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>Approval through the edit page (issue 27), with Governance:ApprovalRequiredFor at its default, Material.</summary>
public sealed class ApprovalPagesTests
{
    [Fact]
    public async Task NobodysOwnApprovalGetsThroughAPostThatCopiesTheApproversFormAndAnotherApproverPublishes()
    {
        using var factory = new PortalFactory();
        var hanne = await factory.SignedInClientAsync("hr-redaktoer");
        var gurli = await factory.SignedInClientAsync("godkender");
        var reader = await factory.SignedInClientAsync("medarbejder");
        var id = ItemId(factory, "mod");
        var edit = $"/admin/indhold/{id}";

        // "Gem og udgiv" of a material change keeps the draft and says it awaits approval.
        await Forms.SubmitAsync(hanne, edit, "form.edit-form", new() { ["Form.Body"] = "Vi tør sige fra, når det gælder.", ["Form.MaterialChange"] = "true" }, "Publish");
        var refused = await hanne.GetDocumentAsync(edit);
        Assert.Contains("afventer godkendelse", refused.QuerySelector("p.notice")!.TextContent);
        Assert.DoesNotContain("når det gælder", (await reader.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(hanne, edit, "form.approval__request", new() { ["note"] = "Ny sætning om at sige fra." })).StatusCode);
        var approverPage = await gurli.GetDocumentAsync(edit);
        var approveForm = approverPage.QuerySelector("form.approval__decision")!;
        var overview = await gurli.GetDocumentAsync("/admin");
        Assert.Contains("Ny sætning om at sige fra.", overview.QuerySelector("[data-awaiting-approval]")!.TextContent);
        Assert.Null((await hanne.GetDocumentAsync("/admin")).QuerySelector("[data-awaiting-approval]"));

        // The author copies the approver's form with her own token: not an approver, refused, nothing changed.
        var before = await StateAsync(factory, id);
        var copied = Forms.Fields(approveForm);
        copied["__RequestVerificationToken"] = Token(await hanne.GetDocumentAsync(edit));
        copied["publish"] = "true";
        var byAuthor = await hanne.PostAsync(approveForm.GetAttribute("action"), new FormUrlEncodedContent(copied));
        Assert.Equal(HttpStatusCode.Forbidden, byAuthor.StatusCode);
        Assert.Equal(before, await StateAsync(factory, id));

        // The approver edits the draft herself and so may no longer approve it: her page has no buttons, and a copied form is refused.
        await Forms.SubmitAsync(gurli, edit, "form.edit-form", new() { ["Form.Body"] = "Vi tør sige fra, når det gælder allermest." }, "Save");
        await Forms.SubmitAsync(hanne, edit, "form.approval__request", new() { ["note"] = "Igen." });
        var ownPage = await gurli.GetDocumentAsync(edit);
        Assert.Null(ownPage.QuerySelector("form.approval__decision"));
        var pendingId = await PendingRequestAsync(factory, id);
        copied["__RequestVerificationToken"] = Token(ownPage);
        copied["requestId"] = pendingId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        before = await StateAsync(factory, id);
        var own = await gurli.PostAsync(approveForm.GetAttribute("action"), new FormUrlEncodedContent(copied));
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Contains("Du kan ikke godkende denne ændring", (await gurli.GetDocumentAsync(edit)).QuerySelector("[data-approval] [role=alert]")!.TextContent);
        Assert.Equal(before, await StateAsync(factory, id));
        Assert.DoesNotContain("allermest", (await reader.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.TextContent);
    }

    private static int ItemId(PortalFactory factory, string key)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == key).Select(i => i.Id).Single();
    }

    private static async Task<int> PendingRequestAsync(PortalFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContentDbContext>().ApprovalRequests
            .Where(a => a.ContentItemId == id && a.State == ApprovalState.Pending).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
    }

    /// <summary>The item's pointers and version, its requests' states and its published-audit count.</summary>
    private static async Task<string> StateAsync(PortalFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var item = await db.Items.AsNoTracking().SingleAsync(i => i.Id == id);
        var requests = await db.ApprovalRequests.AsNoTracking().Where(a => a.ContentItemId == id).OrderBy(a => a.Id).Select(a => a.State.ToString()).ToListAsync();
        var published = await db.AuditEntries.CountAsync(a => a.ContentItemId == id && (a.Action == AuditAction.Published || a.Action == AuditAction.Approved));
        return $"{item.PublishedRevisionId}/{item.CurrentRevisionId}/{item.Version}/{string.Join(",", requests)}/{published}";
    }

    private static string Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
