using Medarbejdergrundlag.Content.Insight;

namespace Medarbejdergrundlag.Web.Areas.Admin.Pages.Shared;

/// <summary>
/// A bar chart by day, drawn on the server as SVG, with the same figures as a table beside it
/// (_DayChart.cshtml): readable without script, by a screen reader and on a phone.
/// </summary>
/// <param name="HiddenText">What the table says for a day whose figure is not shown.</param>
public sealed record DayChart(string Id, string Caption, string ValueHeading, IReadOnlyList<DayFigure> Days, string HiddenText)
{
    public const int Height = 100;

    public const int BarWidth = 10;

    public long Max => Math.Max(1, Days.Max(d => d.Value ?? 0));

    public int Width => Math.Max(1, Days.Count) * BarWidth;

    public double BarHeight(long value) => Math.Round(value * (Height - 2.0) / Max, 2);
}
