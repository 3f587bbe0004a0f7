using System.Globalization;

namespace Medarbejdergrundlag.Content.Scheduling;

/// <summary>How schedules read in Danish, in one place: "Udgives 1. januar 2027 kl. 08.00".</summary>
public static class ScheduleText
{
    /// <summary>A UTC time as Odense's wall clock says it: 1. januar 2027 kl. 08.00.</summary>
    public static string When(DateTime utc) =>
        utc.ToCopenhagen().ToString("d. MMMM yyyy 'kl.' HH'.'mm", PortalCulture.Danish);

    public static string Date(DateOnly date) => date.ToString("d. MMMM yyyy", PortalCulture.Danish);

    /// <summary>A Copenhagen date as typed: 24-03-2027.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    /// <summary>What a pending schedule will do: "Udgives 1. januar 2027 kl. 08.00".</summary>
    public static string Upcoming(ScheduledAction action) => Upcoming(action.Kind, action.DueAt);

    public static string Upcoming(ScheduledActionKind kind, DateTime dueAt) =>
        $"{(kind == ScheduledActionKind.Publish ? "Udgives" : "Arkiveres")} {When(dueAt)}";

    /// <summary>"udgivelse af version 5" or "arkivering".</summary>
    public static string What(ScheduledActionKind kind, int? revisionNumber) =>
        kind == ScheduledActionKind.Publish ? $"udgivelse af version {revisionNumber}" : "arkivering";

    /// <summary>A Copenhagen date typed as 24-03-2027 (also 24-3-2027, 24.03.2027 or an HTML date value).</summary>
    public static (DateOnly? Date, string? Error) ParseDate(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return (null, "Skriv en dato, fx 24-03-2027.");
        }

        string[] formats = ["dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null)
            : (null, $"»{trimmed}« er ikke en dato. Skriv den som 24-03-2027.");
    }
}
