using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>Checks an editor's input and says in Danish what is wrong, field by field.</summary>
public static class RevisionValidator
{
    public const int TitleMax = 200;
    public const int LeadMax = 1000;
    public const int BodyMax = 100_000;
    public const int PointMax = 500;
    public const int PointsMaxCount = 20;
    public const int ChangeNoteMax = 500;

    /// <summary>
    /// Top-level paths of the portal. A slug is only used below /pejlemaerker/ today, but refusing
    /// these keeps every slug free to become a top-level address later without a clash.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "css", "js", "lib", "img", "health", "konto", "fejl", "soeg", "til-ledere",
        "tilgaengelighed", "medarbejdergrundlag", "pejlemaerker", "phoenix", "forloeb", "ny", "rediger",
        "historik", "forhaandsvisning", "log", "favicon-ico", "robots-txt",
    };

    /// <summary>
    /// Bearings (/pejlemaerker/{slug}) and courses (/phoenix/forloeb/{slug}) have an address of their
    /// own; the others live at a fixed page or at their permanent anchor, so their slug is not the
    /// editor's to change.
    /// </summary>
    public static bool HasOwnAddress(ContentKind kind) => ContentKinds.Of(kind).HasOwnAddress;

    private static string? SlugError(string slug) => slug switch
    {
        "" => "Adressen skal indeholde mindst ét bogstav eller tal.",
        _ when Reserved.Contains(slug) => $"Adressen »{slug}« er forbeholdt portalen selv. Vælg en anden.",
        _ => null,
    };

    /// <summary>Validates and normalises. Returns the cleaned input, or the errors.</summary>
    public static (RevisionInput? Clean, Dictionary<string, string> Errors) Validate(RevisionInput input, ContentKind kind)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = (input.Title ?? "").Trim();
        var lead = (input.Lead ?? "").Trim();
        var body = (input.Body ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var note = string.IsNullOrWhiteSpace(input.ChangeNote) ? null : input.ChangeNote.Trim();

        if (title.Length == 0)
        {
            errors[RevisionFields.Title] = "Skriv en titel.";
        }
        else if (title.Length > TitleMax)
        {
            errors[RevisionFields.Title] = $"Titlen må højst være {TitleMax} tegn. Den er {title.Length}.";
        }

        var slug = Slugifier.Slugify(string.IsNullOrWhiteSpace(input.Slug) ? title : input.Slug);
        if (HasOwnAddress(kind) && SlugError(slug) is { } slugError)
        {
            errors[RevisionFields.Slug] = slugError;
        }

        if (lead.Length > LeadMax)
        {
            errors[RevisionFields.Lead] = $"Indledningen må højst være {LeadMax} tegn. Den er {lead.Length}.";
        }
        else if (lead.Contains('\n', StringComparison.Ordinal))
        {
            errors[RevisionFields.Lead] = "Indledningen skal stå på én linje.";
        }

        if (body.Length > BodyMax)
        {
            errors[RevisionFields.Body] = $"Teksten må højst være {BodyMax:N0} tegn. Den er {body.Length:N0}.";
        }

        if (note is { Length: > ChangeNoteMax })
        {
            errors[RevisionFields.ChangeNote] = $"Ændringsnoten må højst være {ChangeNoteMax} tegn.";
        }

        var clean = new RevisionInput(title, slug, lead, body, note)
        {
            Bearing = BearingInput.Validate(input.Bearing, kind, errors),
            Course = CourseInput.Validate(input.Course, kind, errors),
        };
        return errors.Count > 0 ? (null, errors) : (clean, errors);
    }
}
