using Medarbejdergrundlag.Content.Slugs;

namespace Medarbejdergrundlag.Content.Courses;

/// <summary>Who a course is for. A course for <see cref="Alle"/> matches both other audiences.</summary>
public enum Audience
{
    Medarbejdere,
    Ledere,
    Alle,
}

/// <summary>Odense Kommune's five forvaltninger, and courses across them.</summary>
public enum Forvaltning
{
    Borgmesterforvaltningen,
    BoernOgUngeforvaltningen,
    BeskaeftigelsesOgSocialforvaltningen,
    ByOgKulturforvaltningen,
    AeldreOgHandicapforvaltningen,
    Tvaergaaende,
}

/// <summary>Danish names, URL words and lenient parsing for the course vocabularies.</summary>
public static class CourseTerms
{
    public static string Name(Audience audience) => audience.ToString();

    public static string Name(Forvaltning forvaltning) => forvaltning switch
    {
        Forvaltning.Borgmesterforvaltningen => "Borgmesterforvaltningen",
        Forvaltning.BoernOgUngeforvaltningen => "Børn- og Ungeforvaltningen",
        Forvaltning.BeskaeftigelsesOgSocialforvaltningen => "Beskæftigelses- og Socialforvaltningen",
        Forvaltning.ByOgKulturforvaltningen => "By- og Kulturforvaltningen",
        Forvaltning.AeldreOgHandicapforvaltningen => "Ældre- og Handicapforvaltningen",
        Forvaltning.Tvaergaaende => "Tværgående",
        _ => forvaltning.ToString(),
    };

    /// <summary>The word in shareable catalogue URLs: "boern-og-ungeforvaltningen".</summary>
    public static string Slug(Forvaltning forvaltning) => Slugifier.Slugify(Name(forvaltning));

    public static string Slug(Audience audience) => Slugifier.Slugify(Name(audience));

    /// <summary>Accepts the Danish name in any case and spelling of æ/ø/å, the URL word or the stored name.</summary>
    public static Forvaltning? ParseForvaltning(string? text) =>
        Parse<Forvaltning>(text, Name);

    public static Audience? ParseAudience(string? text) =>
        Parse<Audience>(text, Name);

    private static T? Parse<T>(string? text, Func<T, string> name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var folded = Slugifier.Slugify(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (folded == Slugifier.Slugify(name(value)) || string.Equals(text.Trim(), value.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
