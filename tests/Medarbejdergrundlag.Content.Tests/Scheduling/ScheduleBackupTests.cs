using System.Text.Json;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Scheduling;

/// <summary>A backup carries schedules, owners and review dates, and a forced restore replaces them.</summary>
public sealed class ScheduleBackupTests
{
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero));

    [Theory, Providers]
    public async Task AForcedRestoreOverADatabaseWithSchedulesBringsBackTheFilesSchedulesOwnersAndReviewDates(string provider)
    {
        await using var source = await CreateAsync(provider);
        await ArrangeAsync(source, "Mod i backup", "01-12-2026 08:00", owner: true);
        var exported = await ExportAsync(source);
        await using var target = await CreateAsync(provider);
        await ArrangeAsync(target, "Mod i målet", "05-12-2026 08:00", owner: false);

        await using (var scope = target.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream(exported);
            await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(stream, force: true);
        }

        Assert.Equal(Content(exported), Content(await ExportAsync(target)));
        await using var db = target.NewContext();
        var schedule = await db.ScheduledActions.Include(s => s.Revision).SingleAsync();
        Assert.Equal(("Mod i backup", new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc)), (schedule.Revision!.Title, schedule.DueAt));
        var mod = await db.Items.SingleAsync(i => i.Key == "mod");
        Assert.Equal((Hanne.Id, new DateOnly(2027, 3, 1)), (mod.OwnerId, mod.ReviewBy));
    }

    private async Task ArrangeAsync(TestDatabase database, string title, string when, bool owner)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await editor.SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, title), Hanne);
        Assert.True((await scope.ServiceProvider.GetRequiredService<PublishSchedule>().SchedulePublishAsync(mod.Id, draft.Revision!.Number, when, Hanne)).Succeeded);
        if (owner)
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ReviewEditor>();
            var set = await reviews.SetAsync(mod.Id, draft.Item!.Version, Hanne.Id, "01-03-2027", await reviews.KnownEditorsAsync(Hanne), Hanne);
            Assert.True(set.Succeeded, string.Join(" ", set.Errors.Values));
        }
    }

    private async Task<TestDatabase> CreateAsync(string provider) =>
        await TestDatabase.CreateAsync(provider, services: s => s.AddSingleton<TimeProvider>(_clock));

    private static async Task<byte[]> ExportAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        using var stream = new MemoryStream();
        await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(stream);
        return stream.ToArray();
    }

    private static string Content(byte[] file)
    {
        using var document = JsonDocument.Parse(file);
        var items = document.RootElement.GetProperty("items");
        Assert.Contains("\"schedules\"", items.GetRawText());
        return items.GetRawText();
    }
}
