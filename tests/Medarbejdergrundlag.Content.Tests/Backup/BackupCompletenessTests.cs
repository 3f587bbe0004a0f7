using System.Collections;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Scheduling;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests.Backup;

/// <summary>
/// A backup carries every mapped property of every entity it is for. The test walks the EF model, so
/// a property added to the model fails here until the backup carries it (and the test data gives it a
/// value); an entity added to the model fails until it is carried or listed below as left out, with why.
/// </summary>
public sealed class BackupCompletenessTests
{
    private static readonly EditorRef Hanne = new("persona:hr", "Hanne HR-redaktør");

    /// <summary>What a backup does not carry, and why.</summary>
    private static readonly Dictionary<Type, string> LeftOut = new()
    {
        [typeof(DataProtectionKey)] = "the installation's keys are secrets; a restored portal keeps its own",
        [typeof(ContentVersionStamp)] = "a per-database counter that a restore moves itself",
        [typeof(UserSession)] = "sign-ins end at a restore",
        [typeof(UsedLogoutToken)] = "replay protection for sign-out tokens that have expired long before a restore matters",
        [typeof(CalendarFeedOwner)] = "a reader's feed-link generation, not content: a forced restore leaves the table as it is",
        [typeof(NotificationOutboxEntry)] = "a delivery queue: a restored portal must not send a change's notification again, and what was waiting went out from the old one",
        [typeof(PageViewCount)] = "counts of page views, not content; a restored portal counts on from its own",
        [typeof(SearchCount)] = "counts of searches, not content; a restored portal counts on from its own",
        [typeof(SearchClickCount)] = "counts of search clicks, not content; a restored portal counts on from its own",
        [typeof(Milestone)] = "this database's own history (when it took server sessions); carried into another database it would reopen the adoption of old cookies there",
    };

    [Fact]
    public async Task EveryMappedPropertyOfEveryEntityIsCarriedThroughAnExportAndAnImport()
    {
        // About backups, not approval: the material publish below goes through without one.
        await using var source = await TestDatabase.CreateAsync(services: TestDatabase.WithoutApproval);
        await MakeEveryPropertyCountAsync(source);
        byte[] file;
        await using (var scope = source.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream();
            await scope.ServiceProvider.GetRequiredService<ContentBackup>().ExportAsync(stream, withConfirmations: true);
            file = stream.ToArray();
        }

        await using var target = await TestDatabase.CreateAsync(initialize: false);
        await target.Services.MigrateContentStoreAsync();
        await using (var scope = target.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentBackup>().ImportAsync(new MemoryStream(file), force: false);
        }

        await using var before = source.NewContext();
        await using var after = target.NewContext();
        var problems = new List<string>();
        foreach (var entityType in before.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            if (LeftOut.ContainsKey(entityType.ClrType))
            {
                continue;
            }

            var was = Rows(before, entityType);
            var now = Rows(after, entityType);
            if (!was.Keys.Order().SequenceEqual(now.Keys.Order()))
            {
                problems.Add($"{entityType.ClrType.Name}: rows [{string.Join(", ", was.Keys.Order())}] came back as [{string.Join(", ", now.Keys.Order())}]");
                continue;
            }

            foreach (var (name, read) in Properties(entityType))
            {
                if (was.Values.All(row => IsDefault(read(before, row))))
                {
                    problems.Add($"{entityType.ClrType.Name}.{name}: no row in the test data has a value; give it one above");
                }

                foreach (var (key, row) in was)
                {
                    var (old, restored) = (Show(read(before, row)), Show(read(after, now[key])));
                    if (old != restored)
                    {
                        problems.Add($"{entityType.ClrType.Name}.{name} of {key}: {old} came back as {restored}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every entity type the model has, with none unaccounted for.</summary>
    [Fact]
    public async Task EveryEntityIsEitherCarriedOrLeftOutOnPurpose()
    {
        await using var database = await TestDatabase.CreateAsync(initialize: false);
        await using var db = database.NewContext();
        var unknown = db.Model.GetEntityTypes().Where(t => !t.IsOwned())
            .Select(t => t.ClrType).Where(t => !LeftOut.ContainsKey(t) && !NaturalKeys.ContainsKey(t)).Select(t => t.Name).ToList();
        Assert.True(unknown.Count == 0, $"Not carried by the backup nor left out on purpose: {string.Join(", ", unknown)}");
    }

    /// <summary>How a row is known in both databases, where their ids differ.</summary>
    private static readonly Dictionary<Type, Func<ContentDbContext, object, string>> NaturalKeys = new()
    {
        [typeof(ContentItem)] = (_, o) => ((ContentItem)o).Key,
        [typeof(ContentRevision)] = (db, o) => RevisionName(db, ((ContentRevision)o).Id),
        [typeof(CourseDate)] = (db, o) => Ordinal(db.CourseDates.AsNoTracking().OrderBy(d => d.StartsAt).ThenBy(d => d.Id).Select(d => d.Id), ((CourseDate)o).Id, "hold"),
        [typeof(ScheduledAction)] = (db, o) => Ordinal(db.ScheduledActions.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id), ((ScheduledAction)o).Id, "planlægning"),
        [typeof(SlugRedirect)] = (_, o) => $"{((SlugRedirect)o).Kind}/{((SlugRedirect)o).Slug}",
        [typeof(AuditEntry)] = (db, o) => Ordinal(db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id), ((AuditEntry)o).Id, "log"),
        [typeof(ApprovalRequest)] = (db, o) => Ordinal(db.ApprovalRequests.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id), ((ApprovalRequest)o).Id, "godkendelse"),
        [typeof(ConsultationLink)] = (_, o) => ((ConsultationLink)o).TokenHash,
        [typeof(ConsultationEntry)] = (db, o) => Ordinal(db.ConsultationEntries.AsNoTracking().OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.Id), ((ConsultationEntry)o).Id, "høringsindslag"),
        [typeof(LibraryImage)] = (_, o) => ((LibraryImage)o).Hash,
        [typeof(ImageRendition)] = (db, o) => ImageHash(db, ((ImageRendition)o).ImageId) + $"/{((ImageRendition)o).Width}.{((ImageRendition)o).Format}",
        [typeof(Confirmation)] = (db, o) => Ordinal(db.Confirmations.AsNoTracking().OrderBy(c => c.Id).Select(c => c.Id), ((Confirmation)o).Id, "bekræftelse"),
    };

    /// <summary>Ids of other rows that have no relationship in the model (the log outlives what it names).</summary>
    private static readonly Dictionary<(Type, string), Type> References = new()
    {
        [(typeof(AuditEntry), nameof(AuditEntry.ContentItemId))] = typeof(ContentItem),
    };

    private static string Ordinal<T>(IQueryable<T> ids, T id, string what) => $"{what} {ids.ToList().IndexOf(id)}";

    private static string ImageHash(ContentDbContext db, int id) => db.Images.AsNoTracking().Where(i => i.Id == id).Select(i => i.Hash).Single();

    private static string RevisionName(ContentDbContext db, int id) =>
        db.Revisions.AsNoTracking().Where(r => r.Id == id).Select(r => r.ContentItem!.Key + ":" + r.Number).Single();

    private static Dictionary<string, object> Rows(ContentDbContext db, IEntityType entityType)
    {
        var set = (IEnumerable)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType.ClrType).Invoke(db, null)!;
        var key = NaturalKeys[entityType.ClrType];
        return set.Cast<object>().ToList().ToDictionary(row => key(db, row));
    }

    /// <summary>
    /// Every mapped property, the complex types' included, as a reader of its value in terms that mean
    /// the same in both databases: a reference to a row by that row's natural key, not its id.
    /// </summary>
    private static IEnumerable<(string Name, Func<ContentDbContext, object, object?> Read)> Properties(IEntityType entityType)
    {
        foreach (var property in entityType.GetProperties().Where(p => !p.IsPrimaryKey()))
        {
            var get = property.PropertyInfo!;
            var principal = property.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType.ClrType
                ?? References.GetValueOrDefault((entityType.ClrType, property.Name));
            if (principal is not null)
            {
                yield return (property.Name, (db, row) => get.GetValue(row) is { } id ? Principal(db, principal, id) : null);
            }
            else if (entityType.ClrType == typeof(Confirmation) && property.Name == nameof(Confirmation.Version))
            {
                // A charter version is a list of revision ids.
                yield return (property.Name, (db, row) => string.Join(",", Medarbejdergrundlag.Content.Confirmations.CharterVersion.Parse((string)get.GetValue(row)!).Select(id => RevisionName(db, id)).Order()));
            }
            else
            {
                yield return (property.Name, (_, row) => get.GetValue(row));
            }
        }

        foreach (var complex in entityType.GetComplexProperties())
        {
            var outer = complex.PropertyInfo!;
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var inner = property.PropertyInfo!;
                yield return ($"{complex.Name}.{property.Name}", (_, row) => outer.GetValue(row) is { } part ? inner.GetValue(part) : null);
            }
        }
    }

    private static string Principal(ContentDbContext db, Type type, object id) =>
        type == typeof(ContentRevision) ? RevisionName(db, (int)id)
        : type == typeof(LibraryImage) ? ImageHash(db, (int)id)
        : type == typeof(ContentItem) ? db.Items.AsNoTracking().Where(i => i.Id == (int)id).Select(i => i.Key).Single()
        : type == typeof(ConsultationLink) ? db.ConsultationLinks.AsNoTracking().Where(l => l.Id == (int)id).Select(l => l.TokenHash).Single()
        : throw new InvalidOperationException($"Add how a reference to a {type.Name} is known in both databases.");

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IEnumerable e => !e.Cast<object>().Any(),
        _ => value.Equals(Activator.CreateInstance(value.GetType())),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        DateTime d => d.ToString("o"),
        IEnumerable e => "[" + string.Join(",", e.Cast<object>()) + "]",
        _ => value.ToString()!,
    };

    /// <summary>Seed content, then what editors and readers add, so that every property has a value somewhere.</summary>
    internal static async Task MakeEveryPropertyCountAsync(TestDatabase database)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var editor = services.GetRequiredService<ContentEditor>();
        var db = services.GetRequiredService<ContentDbContext>();
        int Id(string key) => db.Items.AsNoTracking().Single(i => i.Key == key).Id;
        int Version(string key) => db.Items.AsNoTracking().Single(i => i.Key == key).Version;

        // A renamed bearing (an old address), published as a material change with a note.
        var udvikling = (await editor.FindAsync(Id("udvikling")))!;
        Ok(await editor.SaveAndPublishAsync(udvikling.Id, udvikling.Version,
            RevisionInput.From(udvikling.CurrentRevision!) with { Slug = "lyst-til-udvikling", ChangeNote = "Ny adresse" }, Hanne, material: true, checksOverride: "Siden kommer i morgen."));

        // A published translation.
        var faellesskab = (await editor.FindAsync(Id("faellesskab")))!;
        Ok(await services.GetRequiredService<TranslationEditor>().SaveAsync(faellesskab.Id, faellesskab.Version,
            new RevisionInput("Community", null, "A desire for **community**", "We work together.") { Bearing = new("We help each other", "Who did you help today?") },
            Hanne, publish: true));

        // A course with dates, owned, kept after its last date.
        var course = Ok(await editor.CreateAsync(ContentKind.Course,
            new RevisionInput("Mod i praksis", null, "Kort om forløbet.", "Om forløbet.") { Course = new("Ledere", "Børn- og Ungeforvaltningen", "1,5", "mod", "phoenix@odense.dk") }, Hanne));
        var dates = services.GetRequiredService<CourseDateEditor>();
        Ok(await dates.AddDateAsync(course.Item!.Id, new CourseDateInput("24-03-2027 09:00", "24-03-2027 15:00", "Phønix, Odense", "20", "12", "Open"), Hanne));
        // A date of two days, so the days travel too.
        Ok(await dates.AddDateAsync(course.Item.Id, new CourseDateInput("25-03-2027 09:00", "26-03-2027 15:00", "Phønix, Odense", "20", "20", "Full"), Hanne));
        Ok(await editor.PublishAsync(course.Item.Id, Version(course.Item.Key), Hanne));
        Ok(await services.GetRequiredService<CourseExpiry>().SetKeepAsync(course.Item.Id, Version(course.Item.Key), keep: true, Hanne));
        Ok(await services.GetRequiredService<ReviewEditor>().SetAsync(course.Item.Id, Version(course.Item.Key), Hanne.Id, "24-03-2028", [Hanne], Hanne));

        // Two library images: one with alt texts in both languages, one decorative.
        var images = services.GetRequiredService<Medarbejdergrundlag.Content.Images.ImageLibrary>();
        Assert.True((await images.UploadAsync(Medarbejdergrundlag.Tests.Shared.Images.TestImages.Photo(1000, 700), "Phønix' have", "Phønix' garden", decorative: false, Hanne)).Succeeded);
        Assert.True((await images.UploadAsync(Medarbejdergrundlag.Tests.Shared.Images.TestImages.TransparentPng(300, 200), null, null, decorative: true, Hanne)).Succeeded);

        // An archived item, a removed and cancelled date, a schedule that failed and was dealt with, a confirmation.
        db.ChangeTracker.Clear();
        (await db.Items.SingleAsync(i => i.Key == "phoenix")).IsArchived = true;
        var date = await db.CourseDates.OrderBy(d => d.Id).FirstAsync();
        (date.IsRemoved, date.Status) = (true, CourseDateStatus.Cancelled);
        var now = DateTime.UtcNow;
        db.ScheduledActions.Add(new ScheduledAction
        {
            ContentItemId = course.Item.Id, Kind = ScheduledActionKind.Archive, RevisionId = course.Revision!.Id, DueAt = now, State = ScheduleState.Dismissed,
            ScheduledAt = now, ScheduledBy = Hanne.Name, ScheduledById = Hanne.Id, RanAt = now, Failure = "Adressen var taget.", ClosedBy = Hanne.Name, ClosedAt = now, Version = 3,
        });
        db.Confirmations.Add(new Confirmation
        {
            SubjectId = "subject-1", Version = string.Join(',', await db.Items.Where(i => i.PublishedRevisionId != null).Select(i => i.PublishedRevisionId!.Value).ToListAsync()),
            ConfirmedAt = now, Forvaltning = "Borgmesterforvaltningen",
        });
        var drafted = Ok(await editor.SaveDraftAsync(course.Item.Id, Version(course.Item.Key),
            RevisionInput.From((await db.Revisions.AsNoTracking().SingleAsync(r => r.Id == course.Revision.Id))) with { Body = "Nyt om forløbet." }, Hanne)).Revision!;
        db.ChangeTracker.Clear();
        db.ApprovalRequests.Add(new ApprovalRequest
        {
            ContentItemId = course.Item.Id, RevisionId = drafted.Id, Material = true, Note = "Se afsnit 2.", RequestedAt = now, RequestedBy = Hanne.Name, RequestedById = Hanne.Id,
            State = ApprovalState.Returned, DecidedAt = now, DecidedBy = "Gurli Godkender", DecidedById = "persona:godkender", DecisionNote = "Skriv datoen.",
        });
        db.ConsultationLinks.Add(new ConsultationLink
        {
            ContentItemId = course.Item.Id, RevisionId = drafted.Id, TokenHash = new string('a', 64), CreatedAt = now, CreatedBy = Hanne.Name, CreatedById = Hanne.Id,
            ExpiresAt = now.AddDays(14), RevokedAt = now, RevokedBy = Hanne.Name,
            Entries = [new() { At = now, ReaderId = "persona:medarbejder", ReaderName = "Mette" }, new() { At = now.AddMinutes(1), ReaderId = "persona:medarbejder", ReaderName = "Mette", Comment = "Godt." }],
        });
        await db.SaveChangesAsync();
    }

    private static EditResult Ok(EditResult result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result;
    }
}
