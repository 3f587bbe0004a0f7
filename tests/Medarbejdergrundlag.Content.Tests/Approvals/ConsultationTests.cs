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

    [Fact]
    public async Task ALinkIsMadeOnlyForTheSavedDraftAndForOneToThirtyDaysAndARefusalWritesNothing()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");

        var noDraft = await Links(database).CreateAsync(mod.Id, mod.CurrentRevision!.Number, null, Hanne);
        Assert.Equal("Der er ingen kladde: den gemte version er den udgivne. Gem ændringerne som kladde først.", noDraft.Result.Errors[""]);
        Assert.Equal(EditOutcome.NotFound, (await Links(database).CreateAsync(9999, 1, null, Hanne)).Result.Outcome);

        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod i høring"), Hanne);
        var (number, revisionId) = (draft.Revision!.Number, draft.Revision.Id);
        var old = await Links(database).CreateAsync(mod.Id, number - 1, null, Hanne);
        Assert.Equal("Der er gemt en nyere version, mens du så på siden. Se den igennem, og lav så linket.", old.Result.Errors[""]);
        var none = await Links(database).CreateAsync(mod.Id, number, 0, Hanne);
        Assert.Equal("Linket kan gælde fra 1 til 30 dage.", none.Result.Errors["Days"]);
        Assert.All(new[] { noDraft, old, none }, refused => Assert.Null(refused.Token));
        await using (var db = database.NewContext())
        {
            Assert.False(await db.ConsultationLinks.AnyAsync());
        }

        Assert.True((await Links(database).CreateAsync(mod.Id, number, 1, Hanne)).Result.Succeeded);
        Assert.True((await Links(database).CreateAsync(mod.Id, number, 30, Hanne)).Result.Succeeded);
        await using (var db = database.NewContext())
        {
            var links = await db.ConsultationLinks.OrderBy(l => l.Id).ToListAsync();
            Assert.Equal([Start.UtcDateTime.AddDays(1), Start.UtcDateTime.AddDays(30)], links.Select(l => l.ExpiresAt));
            Assert.All(links, l => Assert.Equal((revisionId, Hanne.Id, Hanne.Name, Start.UtcDateTime), (l.RevisionId, l.CreatedById, l.CreatedBy, l.CreatedAt)));
            var audit = await db.AuditEntries.Where(a => a.Action == AuditAction.ConsultationLinkCreated).OrderBy(a => a.Id).Select(a => a.Details).ToListAsync();
            Assert.Equal([$"Version {number}. Gælder i 1 dage.", $"Version {number}. Gælder i 30 dage."], audit);
        }
    }

    [Fact]
    public async Task AReadersOpensAreRecordedAtMostHourlyAndACommentMustBeGivenAndAtMostTwoThousandCharacters()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod i høring"), Hanne);
        var (_, token) = await Links(database).CreateAsync(mod.Id, draft.Revision!.Number, null, Hanne);

        await Links(database).OpenAsync(token!, Mette);
        _clock.Advance(TimeSpan.FromMinutes(59));
        await Links(database).OpenAsync(token!, Mette);
        await Links(database).OpenAsync(token!, Hanne);
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Skriv en kommentar.", (await Links(database).CommentAsync(token!, Mette, "   ")).Error);
        Assert.Equal("Kommentaren må højst være 2000 tegn.", (await Links(database).CommentAsync(token!, Mette, new string('x', 2001))).Error);
        Assert.Null((await Links(database).CommentAsync(token!, Mette, "  " + new string('y', 2000) + "  ")).Error);
        // A comment is not an open: the open after it is recorded, once.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Links(database).OpenAsync(token!, Mette);
        await Links(database).OpenAsync(token!, Mette);

        var entries = Assert.Single(await Links(database).ForItemAsync(mod.Id)).Entries;
        Assert.Equal(
            [(Mette.Id, 0, (string?)null), (Hanne.Id, 59, null), (Mette.Id, 60, new string('y', 2000)), (Mette.Id, 61, null)],
            entries.Select(e => (e.ReaderId, (int)(e.At - Start.UtcDateTime).TotalMinutes, e.Comment)));
        await using var db = database.NewContext();
        Assert.Equal($"Version {draft.Revision.Number}: {new string('y', 2000)}",
            await db.AuditEntries.Where(a => a.Action == AuditAction.ConsultationCommented).Select(a => a.Details).SingleAsync());
    }

    [Fact]
    public async Task ALinkSaysWhyItNoLongerShowsTheDraftAndIsRevokedOnlyOnceAndOnlyOnItsOwnItem()
    {
        await using var database = await CreateAsync();
        var mod = await ScheduledPublishingTests.ItemAsync(database, "mod");
        var draft = await Editor(database).SaveDraftAsync(mod.Id, mod.Version, ScheduledPublishingTests.With(mod, "Mod i høring"), Hanne);
        var (_, kept) = await Links(database).CreateAsync(mod.Id, draft.Revision!.Number, null, Hanne);
        var (_, revoked) = await Links(database).CreateAsync(mod.Id, draft.Revision.Number, null, Hanne);
        var revokedId = (await Links(database).ForItemAsync(mod.Id)).First().Id;
        var udvikling = await ScheduledPublishingTests.ItemAsync(database, "udvikling");

        Assert.Equal(EditOutcome.NotFound, (await Links(database).RevokeAsync(udvikling.Id, revokedId, Hanne)).Outcome);
        Assert.Equal(ConsultationState.Open, (await Links(database).OpenAsync(revoked!, Mette)).State);
        Assert.True((await Links(database).RevokeAsync(mod.Id, revokedId, Hanne)).Succeeded);
        var again = await Links(database).RevokeAsync(mod.Id, revokedId, Hanne);
        Assert.Equal("Linket er allerede tilbagekaldt.", again.Errors[""]);
        await using (var db = database.NewContext())
        {
            var link = await db.ConsultationLinks.SingleAsync(l => l.Id == revokedId);
            Assert.Equal((Start.UtcDateTime, Hanne.Name), (link.RevokedAt, link.RevokedBy));
            Assert.Equal($"Version {draft.Revision.Number}.", await db.AuditEntries.Where(a => a.Action == AuditAction.ConsultationLinkRevoked).Select(a => a.Details).SingleAsync());
        }

        var current = await ScheduledPublishingTests.ItemAsync(database, "mod");
        Assert.True((await Editor(database).PublishAsync(mod.Id, current.Version, Hanne)).Succeeded);
        var published = await Links(database).OpenAsync(kept!, Mette);
        Assert.Equal(ConsultationState.Published, published.State);
        Assert.Equal("Udkastet er blevet udgivet. Den udgivne tekst kan læses på portalen.", published.Why);
        Assert.Equal("Linket er tilbagekaldt af en redaktør.", (await Links(database).OpenAsync(revoked!, Mette)).Why);
        Assert.Equal(ConsultationState.Published, (await Links(database).CommentAsync(kept!, Mette, "For sent?")).View.State);

        Assert.Equal("Linket er udløbet.", new ConsultationView(ConsultationState.Expired).Why);
        Assert.Equal("Der er gemt en nyere version af teksten, så dette udkast er ikke længere aktuelt.", new ConsultationView(ConsultationState.Superseded).Why);
        Assert.Null(new ConsultationView(ConsultationState.Open).Why);
        Assert.Equal(ConsultationState.NotFound, (await Links(database).OpenAsync("", Mette)).State);
        Assert.Equal(ConsultationState.NotFound, (await Links(database).OpenAsync(kept + new string('a', 100), Mette)).State);
        await using (var db = database.NewContext())
        {
            // Neither the published nor the revoked link recorded an open or a comment after it stopped showing the draft.
            Assert.Equal(1, await db.ConsultationEntries.CountAsync());
        }
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s => s.AddSingleton<TimeProvider>(_clock));

    private static ContentEditor Editor(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<ContentEditor>();

    private static Consultations Links(TestDatabase database) => database.Services.CreateScope().ServiceProvider.GetRequiredService<Consultations>();
}
