using Medarbejdergrundlag.Content.Editing;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

public static class EditorPublishing
{
    /// <summary>Publishes a new body for an item through the editing service, exactly as the admin area's "Gem og udgiv" does.</summary>
    public static async Task PublishBodyAsync(this PortalFactory factory, string key, string body)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var db = scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>();
        var id = db.Items.Single(i => i.Key == key).Id;
        var item = (await editor.FindAsync(id))!;
        var saved = await editor.SaveDraftAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!) with { Body = body }, "test");
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        var published = await editor.PublishAsync(id, saved.Item!.Version, "test");
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
    }

    /// <summary>Publishes a new title with a change note, material or minor, as "Gem og udgiv" does.</summary>
    public static async Task PublishChangeAsync(this PortalFactory factory, string key, string title, string changeNote, bool material)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var db = scope.ServiceProvider.GetRequiredService<Medarbejdergrundlag.Content.Data.ContentDbContext>();
        var id = db.Items.Single(i => i.Key == key).Id;
        var item = (await editor.FindAsync(id))!;
        var published = await editor.SaveAndPublishAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!, changeNote) with { Title = title }, "test", material);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
    }
}
