using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
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
    public const int SignUpMax = 500;
    public const decimal LengthDaysMax = 100;

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
    public static bool HasOwnAddress(ContentKind kind) => kind is ContentKind.Bearing or ContentKind.Course;

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
        var points = Lines(input.Points);
        var questions = Lines(input.DialogQuestions);

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

        if (kind != ContentKind.Bearing && points.Count > 0)
        {
            errors[RevisionFields.Points] = "Kun pejlemærker har punkter under »Det kan vi fordi…«.";
        }
        else if (points.Count > PointsMaxCount)
        {
            errors[RevisionFields.Points] = $"Der må højst være {PointsMaxCount} punkter.";
        }
        else if (points.FirstOrDefault(p => p.Length > PointMax) is { } longPoint)
        {
            errors[RevisionFields.Points] = $"Hvert punkt må højst være {PointMax} tegn. »{longPoint[..40]}…« er for langt.";
        }

        if (kind != ContentKind.Bearing && questions.Count > 0)
        {
            errors[RevisionFields.DialogQuestions] = "Kun pejlemærker har spørgsmål til dialog.";
        }
        else if (questions.Count > PointsMaxCount)
        {
            errors[RevisionFields.DialogQuestions] = $"Der må højst være {PointsMaxCount} spørgsmål.";
        }
        else if (questions.FirstOrDefault(q => q.Length > PointMax) is { } longQuestion)
        {
            errors[RevisionFields.DialogQuestions] = $"Hvert spørgsmål må højst være {PointMax} tegn. »{longQuestion[..40]}…« er for langt.";
        }

        if (note is { Length: > ChangeNoteMax })
        {
            errors[RevisionFields.ChangeNote] = $"Ændringsnoten må højst være {ChangeNoteMax} tegn.";
        }

        var clean = new RevisionInput(title, slug, lead, body, string.Join('\n', points), note, DialogQuestions: string.Join('\n', questions));
        if (kind == ContentKind.Course)
        {
            clean = ValidateCourse(input, clean, errors);
        }

        return errors.Count > 0 ? (null, errors) : (clean, errors);
    }

    /// <summary>One entry a line; a leading "- " (pasted from a list) is dropped, as are empty lines.</summary>
    private static List<string> Lines(string? text) =>
        (text ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.StartsWith("- ", StringComparison.Ordinal) ? p[2..].Trim() : p)
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>
    /// A course's own fields. Bearing keys are checked for form here; whether such bearings exist is
    /// the editing service's question, as it needs the database.
    /// </summary>
    private static RevisionInput ValidateCourse(RevisionInput input, RevisionInput clean, Dictionary<string, string> errors)
    {
        var audience = CourseTerms.ParseAudience(input.Audience);
        if (audience is null)
        {
            errors[RevisionFields.Audience] = string.IsNullOrWhiteSpace(input.Audience)
                ? "Vælg en målgruppe: Medarbejdere, Ledere eller Alle."
                : $"Målgruppen »{input.Audience.Trim()}« kendes ikke. Brug Medarbejdere, Ledere eller Alle.";
        }

        var forvaltning = CourseTerms.ParseForvaltning(input.Forvaltning);
        if (forvaltning is null)
        {
            var names = string.Join(", ", Enum.GetValues<Forvaltning>().Select(CourseTerms.Name));
            errors[RevisionFields.Forvaltning] = string.IsNullOrWhiteSpace(input.Forvaltning)
                ? $"Vælg en forvaltning: {names}."
                : $"Forvaltningen »{input.Forvaltning.Trim()}« kendes ikke. Brug en af: {names}.";
        }

        var daysText = (input.LengthDays ?? "").Trim().Replace(',', '.');
        decimal? days = null;
        if (daysText.Length == 0)
        {
            errors[RevisionFields.LengthDays] = "Skriv forløbets længde i dage, fx 2 eller 0,5.";
        }
        else if (!decimal.TryParse(daysText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
                 || parsed <= 0 || parsed > LengthDaysMax || parsed * 2 != decimal.Truncate(parsed * 2))
        {
            errors[RevisionFields.LengthDays] = $"Længden »{input.LengthDays!.Trim()}« skal være et antal hele eller halve dage mellem 0,5 og {LengthDaysMax}.";
        }
        else
        {
            days = parsed;
        }

        var keys = input.BearingKeyList.Select(Slugifier.Slugify).Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

        var signUp = (input.SignUp ?? "").Trim();
        if (signUp.Length == 0)
        {
            errors[RevisionFields.SignUp] = "Skriv, hvordan man tilmelder sig: et link, en e-mailadresse eller en kontaktperson.";
        }
        else if (signUp.Length > SignUpMax)
        {
            errors[RevisionFields.SignUp] = $"Tilmeldingen må højst være {SignUpMax} tegn.";
        }
        else if (signUp.StartsWith("http", StringComparison.OrdinalIgnoreCase) && SignUpLink(signUp) is null)
        {
            errors[RevisionFields.SignUp] = $"»{signUp}« er ikke et gyldigt link. Det skal begynde med https:// eller http://.";
        }

        return clean with
        {
            Audience = audience?.ToString(),
            Forvaltning = forvaltning?.ToString(),
            LengthDays = RevisionInput.FormatDays(days),
            Bearings = string.Join(',', keys),
            SignUp = signUp,
        };
    }

    /// <summary>
    /// The link a course's sign-up text stands for: an http(s) address as it is, an e-mail address as
    /// mailto:, anything else (a contact in words) none.
    /// </summary>
    public static string? SignUpLink(string? signUp)
    {
        var text = (signUp ?? "").Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !text.Any(char.IsWhiteSpace))
        {
            return uri.AbsoluteUri;
        }

        return System.Text.RegularExpressions.Regex.IsMatch(text, @"^[^@\s<>""]+@[^@\s<>""]+\.[^@\s<>""]+$") ? "mailto:" + text : null;
    }
}
