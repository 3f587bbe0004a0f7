using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content.Seed;

/// <summary>
/// Example courses for development, so the catalogue has something to show. Every one is titled
/// "Eksempel: …". Production never runs this and starts with no courses. Like the content seed,
/// an example that exists (by key), however changed or archived, is left alone.
/// </summary>
public sealed class ExampleCourseSeeder(ContentDbContext db, ContentEditor editor, CourseDateEditor dates, TimeProvider clock, ILogger<ExampleCourseSeeder> logger)
{
    public const string Prefix = "Eksempel: ";

    private sealed record Example(string Title, string Lead, Audience Audience, Forvaltning Forvaltning, string Days, string Bearings, string SignUp, int[] WeeksAhead, CourseDateStatus[] Statuses);

    private static readonly Example[] Examples =
    [
        new("Mod til at sige det svære", "Et eksempel på et forløb om at tage de svære samtaler.", Audience.Medarbejdere, Forvaltning.Tvaergaaende, "2", "mod,faellesskab", "https://www.odense.dk/phoenix", [2, 6, 12], [CourseDateStatus.Open, CourseDateStatus.Full, CourseDateStatus.Open]),
        new("Ledelse i forandring", "Et eksempel på et forløb for ledere om at lede gennem forandringer.", Audience.Ledere, Forvaltning.BoernOgUngeforvaltningen, "2", "handlekraft,udvikling", "phoenix@odense.dk", [3, 9], [CourseDateStatus.Open, CourseDateStatus.Open]),
        new("Samskabelse med borgerne", "Et eksempel på et forløb om at løse opgaver sammen med borgere.", Audience.Alle, Forvaltning.ByOgKulturforvaltningen, "1", "faellesskab,udvikling", "https://www.odense.dk/phoenix", [4, 8], [CourseDateStatus.Cancelled, CourseDateStatus.Open]),
        new("Handlekraft i hverdagen", "Et eksempel på et forløb om at omsætte gode idéer til handling.", Audience.Medarbejdere, Forvaltning.AeldreOgHandicapforvaltningen, "0,5", "handlekraft", "Kontakt Phønix på 6551 0000", [1, 5], [CourseDateStatus.Open, CourseDateStatus.Open]),
        new("Ledere i fællesskab", "Et eksempel på et netværksforløb for ledere på tværs af forvaltningerne.", Audience.Ledere, Forvaltning.BeskaeftigelsesOgSocialforvaltningen, "2", "faellesskab", "phoenix@odense.dk", [7], [CourseDateStatus.Open]),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var keys = await db.Items.Select(i => i.Key).ToListAsync(cancellationToken);
        var today = clock.GetUtcNow().UtcDateTime.ToCopenhagen().Date;
        var added = 0;
        foreach (var example in Examples)
        {
            var title = Prefix + example.Title;
            if (keys.Contains(Slugs.Slugifier.Slugify(title)))
            {
                continue;
            }

            var input = new RevisionInput(title, null, example.Lead,
                "Dette forløb er et **eksempel**, så kataloget har noget at vise under udvikling. Det findes ikke i virkeligheden.",
                "Eksempel til udvikling")
            {
                Course = new CourseInput(example.Audience.ToString(), example.Forvaltning.ToString(), example.Days, example.Bearings, example.SignUp),
            };
            var created = await editor.CreateAsync(ContentKind.Course, input, ContentSeeder.SeedAuthor);
            if (!created.Succeeded)
            {
                // Another instance starting on the same database may have added it meanwhile.
                if (await db.Items.AnyAsync(i => i.Key == Slugs.Slugifier.Slugify(title), cancellationToken))
                {
                    continue;
                }

                throw new InvalidOperationException($"Example course '{title}' is invalid: {string.Join(" ", created.Errors.Values)}");
            }

            var id = created.Item!.Id;
            for (var i = 0; i < example.WeeksAhead.Length; i++)
            {
                var day = today.AddDays(7 * example.WeeksAhead[i]);
                var date = await dates.AddDateAsync(id, new CourseDateInput(
                    day.ToString("dd-MM-yyyy 09:00", System.Globalization.CultureInfo.InvariantCulture),
                    // A course of two days is held on two days, 09.00–15.30 each.
                    example.Days == "2" ? day.AddDays(1).ToString("dd-MM-yyyy 15:30", System.Globalization.CultureInfo.InvariantCulture) : "15:30",
                    "Phønix, Tolderlundsvej 2, Odense",
                    "24",
                    example.Statuses[i] == CourseDateStatus.Full ? "24" : (i * 5 + 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    example.Statuses[i].ToString()), ContentSeeder.SeedAuthor);
                if (!date.Succeeded)
                {
                    throw new InvalidOperationException($"Example date for '{title}' is invalid: {string.Join(" ", date.Errors.Values)}");
                }
            }

            var item = await editor.FindAsync(id);
            await editor.PublishAsync(id, item!.Version, ContentSeeder.SeedAuthor);
            added++;
        }

        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} example courses for development", added);
        }

        return added;
    }
}
