using System.Globalization;
using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Editing;

/// <summary>
/// A course's own fields as typed (the admin form or a spreadsheet row): text, checked by
/// <see cref="Validate"/> and turned into <see cref="CourseDetails"/> by <see cref="ToDetails"/>.
/// <paramref name="Bearings"/> holds bearing keys, comma-separated.
/// </summary>
public sealed record CourseInput(string? Audience, string? Forvaltning, string? LengthDays, string? Bearings, string? SignUp)
{
    public const int SignUpMax = 500;
    public const decimal LengthDaysMax = 100;

    public static CourseInput? From(CourseDetails? details) =>
        details is null
            ? null
            : new(details.Audience.ToString(), details.Forvaltning.ToString(), FormatDays(details.LengthDays), string.Join(',', details.BearingKeys), details.SignUp);

    /// <summary>Bearing keys, from the comma-separated form.</summary>
    public IReadOnlyList<string> BearingKeyList =>
        (Bearings ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Only for input <see cref="Validate"/> has cleaned.</summary>
    public CourseDetails ToDetails() => new()
    {
        Audience = CourseTerms.ParseAudience(Audience) ?? throw new InvalidOperationException("Validate the input first."),
        Forvaltning = CourseTerms.ParseForvaltning(Forvaltning) ?? throw new InvalidOperationException("Validate the input first."),
        LengthDays = ParseDays(LengthDays) ?? throw new InvalidOperationException("Validate the input first."),
        BearingKeys = BearingKeyList,
        SignUp = SignUp ?? "",
    };

    /// <summary>
    /// The cleaned part for a course; null for other kinds. Bearing keys are checked for form here;
    /// whether such bearings exist is the editing service's question, as it needs the database.
    /// </summary>
    internal static CourseInput? Validate(CourseInput? input, ContentKind kind, Dictionary<string, string> errors)
    {
        if (!ContentKinds.Of(kind).Has(ContentPart.Course))
        {
            return null;
        }

        input ??= new CourseInput(null, null, null, null, null);
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

        var days = ParseDays(input.LengthDays);
        if (string.IsNullOrWhiteSpace(input.LengthDays))
        {
            errors[RevisionFields.LengthDays] = "Skriv forløbets længde i dage, fx 2 eller 0,5.";
        }
        else if (days is null or <= 0 or > LengthDaysMax || days * 2 != decimal.Truncate(days.Value * 2))
        {
            errors[RevisionFields.LengthDays] = $"Længden »{input.LengthDays.Trim()}« skal være et antal hele eller halve dage mellem 0,5 og {LengthDaysMax}.";
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

        return new CourseInput(audience?.ToString(), forvaltning?.ToString(), days is { } d ? FormatDays(d) : null, string.Join(',', keys), signUp);
    }

    /// <summary>The lines a diff shows for this part.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"Målgruppe: {Audience}";
        yield return $"Forvaltning: {(CourseTerms.ParseForvaltning(Forvaltning) is { } f ? CourseTerms.Name(f) : Forvaltning)}";
        yield return $"Længde i dage: {LengthDays}";
        yield return $"Pejlemærker: {string.Join(", ", BearingKeyList)}";
        yield return $"Tilmelding: {SignUp}";
    }

    /// <summary>The one spelling of a number of days (Danish: "0,5"), so unchanged input compares equal.</summary>
    public static string FormatDays(decimal days) => days.ToString("0.#", PortalCulture.Danish);

    private static decimal? ParseDays(string? text) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days) ? days : null;

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
