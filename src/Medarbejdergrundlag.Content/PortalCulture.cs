using System.Globalization;

namespace Medarbejdergrundlag.Content;

/// <summary>
/// The portal's language and clock, defined once. The web app makes <see cref="Danish"/> every
/// request's culture (request localization), so pages format with the current culture; the content
/// store, which also runs outside requests (import, start-up), formats its Danish messages with it.
/// </summary>
public static class PortalCulture
{
    public static CultureInfo Danish { get; } = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>The English pages' culture (under <c>/en</c>): British spelling and day-month dates.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The language codes of the portal's texts: Danish, the original, and English translations.</summary>
    public const string DanishCode = "da";

    public const string EnglishCode = "en";

    /// <summary>
    /// The language of the page being made: English under <c>/en</c>, Danish everywhere else. Request
    /// localization sets it per request; outside a request (start-up, import) it is Danish.
    /// </summary>
    public static string CurrentLanguage =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == EnglishCode ? EnglishCode : DanishCode;

    /// <summary>Runs <paramref name="action"/> with <paramref name="language"/> as the current language.</summary>
    public static T In<T>(string language, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = language == EnglishCode ? English : Danish;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = target;
        try
        {
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>A day as the page's language writes it: "24. marts 2027" or "24 March 2027".</summary>
    public static string Day(DateTime local) =>
        CurrentLanguage == EnglishCode ? local.ToString("d MMMM yyyy", English) : local.ToString("d. MMMM yyyy", Danish);

    /// <summary>A day and a time as the page's language writes them: "1. januar 2027 kl. 08:00" or "1 January 2027, 08:00".</summary>
    public static string DayAndTime(DateTime local) =>
        CurrentLanguage == EnglishCode ? local.ToString("d MMMM yyyy, HH:mm", English) : local.ToString("d. MMMM yyyy 'kl.' HH:mm", Danish);

    /// <summary>Odense's time zone: times are stored in UTC and typed and shown as wall-clock time there.</summary>
    public static TimeZoneInfo Copenhagen { get; } = TimeZoneInfo.FindSystemTimeZoneById(CopenhagenZoneId);

    /// <summary>The IANA name, as calendar files write it.</summary>
    public const string CopenhagenZoneId = "Europe/Copenhagen";

    /// <summary>Compares Danish text as Danish readers sort it (æ, ø, å last), ignoring case.</summary>
    public static StringComparer DanishOrder { get; } = StringComparer.Create(Danish, ignoreCase: true);

    /// <summary>A UTC time as it is on the wall in Odense.</summary>
    public static DateTime ToCopenhagen(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen);
}
