using Medarbejdergrundlag.Content.Model;

namespace Medarbejdergrundlag.Content.Publishing;

/// <summary>
/// The public addresses, defined once for both projects. Managers paste these into onboarding
/// plans, so they never change: a new address is added here and old ones keep answering. The
/// pages' route templates (<c>@page "/pejlemaerker/{slug}"</c>) are the other half of each pair;
/// PortalPathsTests checks that every path built here reaches its page.
/// </summary>
public static class PortalPaths
{
    /// <summary>Where the English pages live: each Danish path, prefixed.</summary>
    public const string EnglishPrefix = "/en";

    /// <summary>
    /// "/en" on English pages, nothing on Danish ones: every address built here stays in the
    /// language of the page it is built for (<see cref="PortalCulture.CurrentLanguage"/>).
    /// </summary>
    private static string Prefix => PortalCulture.CurrentLanguage == PortalCulture.EnglishCode ? EnglishPrefix : "";

    public static string Home => Prefix.Length == 0 ? "/" : Prefix;

    public static string Charter => Prefix + "/medarbejdergrundlag";

    public static string Bearings => Prefix + "/pejlemaerker";

    public static string Phoenix => Prefix + "/phoenix";

    public static string Catalogue => Prefix + "/phoenix/forloeb";

    public static string CatalogueFeed => Catalogue + "/kalender.ics";

    public static string Search => Prefix + "/soeg";

    /// <summary>Where the search page's script reports which result was followed (an endpoint; insight counts it by position).</summary>
    public static string SearchClick => Search + "/klik";

    public static string Leaders => Prefix + "/til-ledere";

    public static string OnboardingSheet => Leaders + "/ark";

    public static string AccessibilityStatement => Prefix + "/tilgaengelighed";

    public const string Admin = "/admin";

    /// <summary>The same page in the other language: "/en/x" and "/x" are each other's twins.</summary>
    public static string InLanguage(string language, string danishOrEnglishPath)
    {
        var danish = danishOrEnglishPath == EnglishPrefix ? "/"
            : danishOrEnglishPath.StartsWith(EnglishPrefix + "/", StringComparison.Ordinal) ? danishOrEnglishPath[EnglishPrefix.Length..]
            : danishOrEnglishPath;
        return language != PortalCulture.EnglishCode ? danish : danish == "/" ? EnglishPrefix : EnglishPrefix + danish;
    }

    /// <summary>Every published change to the charter, the bearings and the Phønix page.</summary>
    public static string Changes => Prefix + "/aendringer";

    public static string ChangesFeed => Changes + "/feed.atom";

    /// <summary>What changed in the charter since the reader confirmed it.</summary>
    public static string ChangesSinceConfirmed => Changes + "/siden-du-bekraeftede";

    /// <summary>The confirm button at the end of the charter: the link managers give a new employee.</summary>
    public static string CharterConfirm => Charter + "#bekraeft";

    /// <summary>Where the confirm button posts (an endpoint): the English one confirms what the English pages show.</summary>
    public static string Confirm => Charter + "/bekraeft";

    /// <summary>The reader's own confirmations, to see and withdraw.</summary>
    public const string MyConfirmations = "/konto/bekraeftelser";

    /// <summary>A section or leg of the charter: its permanent anchor on the charter page.</summary>
    public static string CharterSection(string key) => $"{Charter}#{key}";

    public static string Bearing(string slug) => $"{Bearings}/{slug}";

    public static string Course(string slug) => $"{Catalogue}/{slug}";

    /// <summary>One date of a course as a calendar file.</summary>
    public static string CourseDate(string courseSlug, int dateId) => $"{Course(courseSlug)}/hold/{dateId}.ics";

    /// <summary>The catalogue filtered to the courses that train one bearing.</summary>
    public static string CoursesTraining(string bearingKey) => $"{Catalogue}?pejlemaerke={Uri.EscapeDataString(bearingKey)}";

    public static string SearchFor(string query) => $"{Search}?q={Uri.EscapeDataString(query)}";

    /// <summary>Where the public site shows an item of any kind.</summary>
    public static string Of(ContentKind kind, string key, string slug) => ContentKinds.Of(kind).Path(key, slug);
}
