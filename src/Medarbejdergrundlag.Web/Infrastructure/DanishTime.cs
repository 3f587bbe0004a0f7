namespace Medarbejdergrundlag.Web.Infrastructure;

/// <summary>Times are stored in UTC and shown as they are on the wall in Odense.</summary>
public static class DanishTime
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTime ToLocalTimeInDenmark(this DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Copenhagen);
}
