using Medarbejdergrundlag.Content.Approvals;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Tests.Scheduling;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Approvals;

/// <summary>Høringslinks (issue 27): pinned to a revision, hashed, expiring on the app's clock.</summary>
public sealed class ConsultationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 13, 0, 0, TimeSpan.Zero);
    private static readonly EditorRef Hanne = new("persona:hr-redaktoer", "Hanne HR-redaktør");
    private static readonly EditorRef Mette = new("persona:medarbejder", "Mette Medarbejder");

    private readonly TestClock _clock = new(Start);

    [Fact]
    public async Task ALinkShowsItsOwnRevisionStoresOnlyTheHashAndNeverShowsANewerDraft()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod i høring"), Hanne);
        var (made, token) = await Links(database).CreateAsync(mod.Id, draft.Revision!.Number, null, Hanne);
        Assert.True(made.Succeeded);
        Assert.True(Convert.FromBase64String(token!.Replace('-', '+').Replace('_', '/') + "=").Length * 8 >= 128);

        await using (var db = database.NewContext())
        {
            var link = await db.ConsultationLinks.SingleAsync();
            Assert.Equal(Consultations.Hash(token), link.TokenHash);
            Assert.DoesNotContain(token, link.TokenHash);
            Assert.Equal(Start.UtcDateTime.AddDays(14), link.ExpiresAt);
        }

        var open = await Links(database).OpenAsync(token, Mette);
        Assert.Equal((ConsultationState.Open, "Mod i høring"), (open.State, open.Revision!.Title));
        Assert.Null((await Links(database).CommentAsync(token, Mette, "Godt skrevet.")).Error);

        var current = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.True((await Editor(database).SaveDraftAsync(mod.Id, current.Version, ScheduledPublishingTests.With(current, "Mod, nyere kladde"), Hanne)).Succeeded);

        var later = await Links(database).OpenAsync(token, Mette);
        Assert.Equal(ConsultationState.Superseded, later.State);
        Assert.Equal(ConsultationState.NotFound, (await Links(database).OpenAsync(token + "x", Mette)).State);
        var seen = Assert.Single(await Links(database).ForItemAsync(mod.Id));
        Assert.Equal([(Mette.Name, (string?)null), (Mette.Name, "Godt skrevet.")], seen.Entries.Select(e => (e.ReaderName, e.Comment)).ToList());
    }

    [Fact]
    public async Task ALinkExpiresOnTheClockAndARevokedOneIsGone()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod i høring"), Hanne);
        Assert.Equal(EditOutcome.Invalid, (await Links(database).CreateAsync(mod.Id, draft.Revision!.Number, 31, Hanne)).Result.Outcome);
        var (_, shortLived) = await Links(database).CreateAsync(mod.Id, draft.Revision.Number, 2, Hanne);
        var (_, revoked) = await Links(database).CreateAsync(mod.Id, draft.Revision.Number, 30, Hanne);

        _clock.Advance(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(ConsultationState.Open, (await Links(database).OpenAsync(shortLived!, Mette)).State);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ConsultationState.Expired, (await Links(database).OpenAsync(shortLived!, Mette)).State);
        Assert.Equal(ConsultationState.Expired, (await Links(database).CommentAsync(shortLived!, Mette, "For sent?")).View.State);

        var linkId = (await Links(database).ForItemAsync(mod.Id)).First().Id;
        Assert.True((await Links(database).RevokeAsync(mod.Id, linkId, Hanne)).Succeeded);
        Assert.Equal(ConsultationState.Revoked, (await Links(database).OpenAsync(revoked!, Mette)).State);
        await using var db = database.NewContext();
        Assert.False(await db.ConsultationEntries.AnyAsync(e => e.Comment != null));
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static Consultations Links(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<Consultations>();
}
