using System.Net;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Admin;

/// <summary>A publish gate's refusal reaches the editor on the edit page, and their text is kept as a draft.</summary>
public sealed class PublishGatePageTests
{
    [Fact]
    public async Task GemOgUdgivThatAGateRefusesKeepsTheTextAsADraftAndSaysWhy()
    {
        using var factory = new PortalFactory().WithServices(s => s.AddSingleton<IPublishGate, EditorsNeedApproval>());
        var editor = await factory.SignedInClientAsync("hr-redaktoer");
        int id;
        using (var scope = factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<ContentDbContext>().Items.Where(i => i.Key == "mod").Select(i => i.Id).SingleAsync();
        }

        var published = await Forms.SubmitAsync(editor, $"/admin/indhold/{id}", "form.edit-form",
            new() { ["Form.Body"] = "Vi tør sige fra, også uden godkendelse." }, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await editor.GetDocumentAsync($"/admin/indhold/{id}");
        Assert.Equal("Ikke udgivet: Ændringen afventer Hovedudvalgets godkendelse. Teksten er gemt som kladde.", page.QuerySelector("p.notice")!.TextContent.Trim());
        Assert.Equal("Vi tør sige fra, også uden godkendelse.", page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        var reader = await factory.SignedInClientAsync("medarbejder");
        Assert.DoesNotContain("uden godkendelse", (await reader.GetDocumentAsync("/pejlemaerker/mod")).QuerySelector("main")!.TextContent);
    }

    /// <summary>Lets the seed through and refuses every editor's publish, as an approval gate would.</summary>
    private sealed class EditorsNeedApproval : IPublishGate
    {
        public ValueTask<IReadOnlyList<string>> CheckAsync(PublishRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(request.Source == PublishSource.Editor ? ["Ændringen afventer Hovedudvalgets godkendelse."] : []);
    }
}
