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
    public const string Home = "/";

    public const string Charter = "/medarbejdergrundlag";

    public const string Bearings = "/pejlemaerker";

    public const string Phoenix = "/phoenix";

    public const string Catalogue = "/phoenix/forloeb";

    public const string CatalogueFeed = Catalogue + "/kalender.ics";

    public const string Search = "/soeg";

    public const string Leaders = "/til-ledere";

    public const string OnboardingSheet = Leaders + "/ark";

    public const string AccessibilityStatement = "/tilgaengelighed";

    public const string Admin = "/admin";

    /// <summary>Every published change to the charter, the bearings and the Phønix page.</summary>
    public const string Changes = "/aendringer";

    public const string ChangesFeed = Changes + "/feed.atom";

    /// <summary>What changed in the charter since the reader confirmed it.</summary>
    public const string ChangesSinceConfirmed = Changes + "/siden-du-bekraeftede";

    /// <summary>The confirm button at the end of the charter: the link managers give a new employee.</summary>
    public const string CharterConfirm = Charter + "#bekraeft";

    public const string Confirm = Charter + "/bekraeft";

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
    public static string Of(ContentKind kind, string key, string slug) => kind switch
    {
        ContentKind.Bearing => Bearing(slug),
        ContentKind.PhoenixPage => Phoenix,
        ContentKind.Course => Course(slug),
        _ => CharterSection(key),
    };
}
