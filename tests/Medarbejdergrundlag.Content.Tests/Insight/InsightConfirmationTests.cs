using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Insight;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Insight;

/// <summary>How far each material change reached: readers who confirmed a version with it, day by day, counted and never listed.</summary>
public sealed class InsightConfirmationTests
{
    // Monday 2 November 2026, 09:00 in Copenhagen.
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task EachMaterialChangeCountsTheReadersWhoConfirmedItInItsOwnWindowNewestFirst()
    {
        await using var database = await CreateAsync();
        // Before change A: confirmations A's figures must not count.
        await ConfirmAsync(database, "z1", "z2", "z3");
        _clock.Advance(TimeSpan.FromHours(1));
        await PublishAsync(database, "mod", "Mod i hverdagen", "Et nyt afsnit om mod.", material: true);
        await ConfirmAsync(database, "a1", "a2", "a3", "a4", "a5");
        _clock.Advance(TimeSpan.FromDays(1));
        await ConfirmAsync(database, "a6", "a7", "a8", "a9", "a10");
        // A minor change: the version it makes still holds change A.
        _clock.Advance(TimeSpan.FromDays(1));
        await PublishAsync(database, "mod", "Mod i hverdagen.", "Et komma.", material: false);
        await ConfirmAsync(database, "a11", "a12", "a13", "a14", "a15");
        // Change B on another item: its own window begins, A's ends.
        _clock.Advance(TimeSpan.FromDays(1));
        await PublishAsync(database, "handlekraft", "Handlekraft sammen", "Handlekraft er skrevet om.", material: true);
        await ConfirmAsync(database, "b1", "b2", "b3", "b4", "b5", "a1");
        _clock.Advance(TimeSpan.FromDays(1));

        var changes = (await FiguresAsync(database)).Confirmations;

        Assert.Equal(2, changes.Count);
        var (b, a) = (changes[0], changes[1]);
        Assert.Equal((new DateTime(2026, 11, 5, 9, 0, 0), (DateTime?)null), (b.PublishedAt, b.Until));
        Assert.Equal((new DateTime(2026, 11, 2, 9, 0, 0), (DateTime?)b.PublishedAt), (a.PublishedAt, a.Until));
        Assert.Equal([("Handlekraft sammen", "Handlekraft er skrevet om.")], b.Items.Select(i => (i.Title, i.ChangeNote)).ToList());
        Assert.Equal([("Mod i hverdagen", "Et nyt afsnit om mod.")], a.Items.Select(i => (i.Title, i.ChangeNote)).ToList());
        // Running totals of readers (a1 once), to the day the next change came; B's up to today.
        Assert.Equal([(new DateOnly(2026, 11, 5), (long?)6), (new DateOnly(2026, 11, 6), 6)], b.Days.Select(d => (d.Day, d.Value)).ToList());
        Assert.Equal([(new DateOnly(2026, 11, 2), (long?)5), (new DateOnly(2026, 11, 3), 10), (new DateOnly(2026, 11, 4), 15), (new DateOnly(2026, 11, 5), 15)],
            a.Days.Select(d => (d.Day, d.Value)).ToList());
    }

    [Fact]
    public async Task AChangeInForceLongerThanNinetyDaysShowsTheLastNinetyWithTheEarlierReadersInTheFirst()
    {
        await using var database = await CreateAsync();
        await PublishAsync(database, "mod", "Mod i hverdagen", "Et nyt afsnit om mod.", material: true);
        await ConfirmAsync(database, "a1", "a2", "a3", "a4", "a5");
        _clock.Advance(TimeSpan.FromDays(50));
        await ConfirmAsync(database, "a6", "a7", "a8", "a9", "a10");
        _clock.Advance(TimeSpan.FromDays(50));
        await ConfirmAsync(database, "a11", "a12", "a13", "a14", "a15");

        var change = Assert.Single((await FiguresAsync(database)).Confirmations);

        Assert.Equal(InsightReport.ConfirmationDays, change.Days.Count);
        var today = new DateOnly(2027, 2, 10);
        Assert.Equal((today.AddDays(-89), (long?)5), (change.Days[0].Day, change.Days[0].Value));
        Assert.Equal((today, (long?)15), (change.Days[^1].Day, change.Days[^1].Value));
        Assert.Equal(10, change.Days.Single(d => d.Day == today.AddDays(-50)).Value);
    }

    [Fact]
    public async Task OnlyTheLatestFiveMaterialChangesAreShownAndNoneBeforeTheFirst()
    {
        await using var database = await CreateAsync();
        Assert.Empty((await FiguresAsync(database)).Confirmations);
        foreach (var n in Enumerable.Range(1, 6))
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await PublishAsync(database, "mod", $"Mod {n}", $"Ændring {n}.", material: true);
        }

        // A minor change on the Phønix page is neither material nor the charter's.
        _clock.Advance(TimeSpan.FromMinutes(1));
        await PublishAsync(database, "phoenix", "Phønix – rettet", "Lille rettelse.", material: false);

        var changes = (await FiguresAsync(database)).Confirmations;
        Assert.Equal(["Mod 6", "Mod 5", "Mod 4", "Mod 3", "Mod 2"], changes.Select(c => c.Items.Single().Title));
    }

    private async Task<TestDatabase> CreateAsync() =>
        await TestDatabase.CreateAsync(services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            TestDatabase.WithoutApproval(s);
        });

    private static async Task PublishAsync(TestDatabase database, string key, string title, string changeNote, bool material)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<ContentEditor>();
        await using var db = database.NewContext();
        var id = await db.Items.Where(i => i.Key == key).Select(i => i.Id).SingleAsync();
        var item = (await editor.FindAsync(id))!;
        var published = await editor.SaveAndPublishAsync(id, item.Version, RevisionInput.From(item.CurrentRevision!, changeNote) with { Title = title }, "test", material);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Values));
    }

    private static async Task ConfirmAsync(TestDatabase database, params string[] subjects)
    {
        foreach (var subject in subjects)
        {
            await using var scope = database.Services.CreateAsyncScope();
            var version = CharterVersion.Of(await scope.ServiceProvider.GetRequiredService<PublishedContentStore>().GetAsync());
            Assert.Equal(ConfirmOutcome.Confirmed, await scope.ServiceProvider.GetRequiredService<CharterConfirmations>().ConfirmAsync(subject, version, null));
        }
    }

    private static async Task<InsightFigures> FiguresAsync(TestDatabase database)
    {
        System.Globalization.CultureInfo.CurrentUICulture = PortalCulture.Danish;
        using var scope = database.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<InsightReport>().GetAsync();
    }
}
