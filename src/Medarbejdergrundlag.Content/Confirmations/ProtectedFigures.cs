namespace Medarbejdergrundlag.Content.Confirmations;

/// <summary>One row of HR's table: a forvaltning (null: not given) or "Øvrige", its total and, where safe, its split.</summary>
public sealed record ProtectedRow(string? Forvaltning, bool Others, int Total, int? Current, int? Older);

/// <summary>
/// HR's figures per forvaltning, made so that no count of fewer than <c>smallest</c> readers can be
/// read, nor worked out by subtracting shown figures from others (complementary suppression):
/// - every group under the limit goes into one "Øvrige" row, which names none of them;
/// - is that row still under the limit, the smallest named groups join it until it is not, so there
///   is never one hidden cell beside a total;
/// - a row whose split between the current and an older version has a part under the limit shows
///   its total only, and then at least one other row hides its split too.
/// </summary>
public static class ProtectedFigures
{
    public static IReadOnlyList<ProtectedRow> Rows(IEnumerable<ForvaltningFigures> groups, int smallest)
    {
        var named = groups.Where(g => g.Total >= smallest).OrderBy(g => g.Total).ToList();
        var others = groups.Where(g => g.Total > 0 && !named.Contains(g)).ToList();
        while (others.Count > 0 && others.Sum(g => g.Total) < smallest && named.Count > 0)
        {
            others.Add(named[0]);
            named.RemoveAt(0);
        }

        var rows = named.OrderByDescending(g => g.Total).ThenBy(g => g.Forvaltning, StringComparer.Ordinal)
            .Select(g => Row(g.Forvaltning, false, g.Current, g.Older)).ToList();
        if (others.Count > 0)
        {
            rows.Add(Row(null, true, others.Sum(g => g.Current), others.Sum(g => g.Older)));
        }

        var hidden = rows.Count(r => r.Current is null);
        if (hidden == 1 && rows.Count > 1)
        {
            // The municipality's split minus the shown ones would give the hidden one away.
            var partner = rows.Where(r => r.Current is not null).MinBy(r => r.Total)!;
            rows[rows.IndexOf(partner)] = partner with { Current = null, Older = null };
        }

        return rows;

        ProtectedRow Row(string? name, bool isOthers, int current, int older)
        {
            var total = current + older;
            var small = (current > 0 && current < smallest) || (older > 0 && older < smallest);
            return total < smallest
                ? new ProtectedRow(name, isOthers, total, null, null)
                : new ProtectedRow(name, isOthers, total, small ? null : current, small ? null : older);
        }
    }

    /// <summary>
    /// A running total by day (confirmations since a change), with the same protection: a day's total
    /// is shown only when it is at least <paramref name="smallest"/> and at least that many above the
    /// last total shown (or equal to it), so no day's figure, nor the difference between two shown
    /// days, counts fewer than <paramref name="smallest"/> readers. Other days are null: not shown.
    /// </summary>
    public static IReadOnlyList<Insight.DayFigure> Running(IEnumerable<(DateOnly Day, long Total)> running, int smallest)
    {
        var shown = new List<Insight.DayFigure>();
        long last = 0;
        foreach (var (day, total) in running)
        {
            var safe = total == last || (total >= smallest && total - last >= smallest);
            if (safe)
            {
                last = total;
            }

            shown.Add(new Insight.DayFigure(day, safe ? total : null));
        }

        return shown;
    }
}
