using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Seed;

/// <summary>
/// Example English translations for development, so the English pages can be seen with both a
/// translation and the Danish fallback. Each says in its title and first line that it is an
/// example and not the official text. Production never runs this: no English charter text is
/// shipped as if it were official. An item that has any English revision is left alone.
/// </summary>
public sealed class ExampleTranslationSeeder(ContentDbContext db, TranslationEditor translations)
{
    public const string Marker = "(example translation)";

    private const string Notice = "*This is an example translation for development. It is not the official text.*\n\n";

    private static readonly (string Key, RevisionInput Input)[] Examples =
    [
        ("mod", new RevisionInput($"Courage {Marker}", null, "The **courage** to try something new",
            Notice + "We have the courage to enter into new and different kinds of collaboration, to try new ways of working and to say what we think.")
        {
            Bearing = new BearingInput("we trust each other\nwe learn from our mistakes", "When did you last say no to something?\nWhat gave you courage today?"),
        }),
        ("udvikling", new RevisionInput($"Development {Marker}", null, "A desire for **development**",
            Notice + "We develop ourselves both professionally and personally, and we share what we learn.")
        {
            Bearing = new BearingInput("we are curious\nwe share knowledge", "What would you like to learn this year?"),
        }),
    ];

    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var (key, input) in Examples)
        {
            var item = await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, cancellationToken);
            if (item is null || item.CurrentEnglishRevisionId is not null)
            {
                continue;
            }

            var result = await translations.SaveAsync(item.Id, item.Version, input with { ChangeNote = "Eksempel til udvikling" }, ContentSeeder.SeedAuthor, publish: true);
            added += result.Succeeded ? 1 : 0;
        }

        return added;
    }
}
