using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Search;

public sealed class CourseSearchTests
{
    [Fact]
    public async Task APublishedCourseIsFoundAndLinksToItsPageButADraftIsNot()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var scope = database.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var published = await editor.CreateAsync(ContentKind.Course,
            new RevisionInput("Trivselsværksted", null, "To dage om arbejdsglæde.", "Vi arbejder med **trivsel** i teamet.")
            {
                Course = new("Medarbejdere", "Ældre- og Handicapforvaltningen", "2", "faellesskab", "phoenix@odense.dk"),
            }, "Hanne");
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
        Assert.True((await editor.PublishAsync(published.Item!.Id, published.Item.Version, "Hanne")).Succeeded);
        var draft = await editor.CreateAsync(ContentKind.Course,
            new RevisionInput("Hemmeligt værksted", null, "Kladde.", "Om trivsel, ikke udgivet.")
            {
                Course = new("Ledere", "Tværgående", "1", "mod", "phoenix@odense.dk"),
            }, "Hanne");
        Assert.True(draft.Succeeded);

        var site = await database.Services.GetRequiredService<PublishedContentStore>().GetAsync();
        var byTitle = site.Search.Search("trivselsværksted");
        var byBody = site.Search.Search("trivsel");

        Assert.Equal("/phoenix/forloeb/trivselsvaerksted", byTitle.Hits[0].Url);
        Assert.Equal("Phønix-forløb", byTitle.Hits[0].Section);
        Assert.Contains(byBody.Hits, h => h.Url == "/phoenix/forloeb/trivselsvaerksted");
        Assert.DoesNotContain(byBody.Hits, h => h.Title.Contains("Hemmeligt", StringComparison.Ordinal));
    }
}
