using Medarbejdergrundlag.Content.Confirmations;

namespace Medarbejdergrundlag.Content.Tests.Confirmations;

/// <summary>
/// HR's per-forvaltning figures: no group under five can be read or worked out from the others,
/// and no hidden group is named.
/// </summary>
public sealed class ProtectedFiguresTests
{
    [Fact]
    public void AHiddenGroupCannotBeWorkedOutByTakingTheShownOnesFromTheTotal()
    {
        // The security review's case: 6 shown and 1 hidden would give the 1 away against a total of 7.
        var rows = ProtectedFigures.Rows([new("A", 6, 0), new("B", 1, 0), new("C", 8, 0)], 5);

        Assert.DoesNotContain(rows, r => r.Forvaltning == "B");
        Assert.All(rows, r => Assert.True(r.Total >= 5, $"{r.Forvaltning ?? "Øvrige"} shows {r.Total}."));
        Assert.Equal(15, rows.Sum(r => r.Total));
        var others = Assert.Single(rows, r => r.Others);
        Assert.Equal(7, others.Total);
        Assert.Null(others.Forvaltning);
    }

    [Fact]
    public void SmallGroupsThatTogetherReachTheLimitAreShownTogetherWithoutNames()
    {
        var rows = ProtectedFigures.Rows([new("A", 9, 0), new("B", 2, 0), new("C", 3, 0)], 5);

        Assert.Equal([("A", false, 9), (null, true, 5)], rows.Select(r => (r.Forvaltning, r.Others, r.Total)));
    }

    [Fact]
    public void WhenEverythingIsSmallOneRowSaysFewerThanTheLimit()
    {
        var rows = ProtectedFigures.Rows([new("A", 1, 0), new("B", 2, 0)], 5);

        var only = Assert.Single(rows);
        Assert.True(only.Others);
        Assert.Equal(3, only.Total);
        Assert.Null(only.Current);
    }

    [Fact]
    public void ASmallSplitIsHiddenAndNeverAlone()
    {
        // A's 2 readers of an older version would stand alone; B's split is hidden beside it.
        var rows = ProtectedFigures.Rows([new("A", 8, 2), new("B", 6, 0), new("C", 20, 10)], 5);

        var a = Assert.Single(rows, r => r.Forvaltning == "A");
        var b = Assert.Single(rows, r => r.Forvaltning == "B");
        var c = Assert.Single(rows, r => r.Forvaltning == "C");
        Assert.Equal((10, (int?)null, (int?)null), (a.Total, a.Current, a.Older));
        Assert.Equal((6, (int?)null, (int?)null), (b.Total, b.Current, b.Older));
        Assert.Equal((30, (int?)20, (int?)10), (c.Total, c.Current, c.Older));
    }

    [Fact]
    public void ASmallCountOfTheCurrentVersionIsHiddenToo()
    {
        var rows = ProtectedFigures.Rows([new("A", 2, 8), new("B", 6, 0), new("C", 20, 10)], 5);

        Assert.Equal([("C", (int?)20, (int?)10), ("A", null, null), ("B", null, null)], rows.Select(r => (r.Forvaltning, r.Current, r.Older)));
    }

    [Fact]
    public void LargeGroupsAreShownInFullLargestFirst()
    {
        var rows = ProtectedFigures.Rows([new("A", 5, 5), new("B", 30, 0), new(null, 7, 0)], 5);

        Assert.Equal([("B", 30), ("A", 10), ((string?)null, 7)], rows.Select(r => (r.Forvaltning, r.Total)));
        Assert.DoesNotContain(rows, r => r.Others || r.Current is null);
    }

    [Fact]
    public void AGroupOfExactlyTheLimitIsNamedWithItsSplitAndAnEmptyGroupIsNoRow()
    {
        var rows = ProtectedFigures.Rows([new("A", 5, 0), new("B", 0, 8), new("C", 0, 0), new("D", 6, 0)], 5);

        Assert.Equal([("B", 8, (int?)0, (int?)8), ("D", 6, 6, 0), ("A", 5, 5, 0)], rows.Select(r => (r.Forvaltning, r.Total, r.Current, r.Older)));
        Assert.DoesNotContain(rows, r => r.Others);
    }

    [Fact]
    public void GroupsOfTheSameSizeAreInAlphabeticalOrder()
    {
        var rows = ProtectedFigures.Rows([new("B", 6, 0), new("A", 6, 0)], 5);

        Assert.Equal(["A", "B"], rows.Select(r => r.Forvaltning));
    }

    [Fact]
    public void TheOthersRowAddsUpItsGroupsReadersOfBothVersions()
    {
        var rows = ProtectedFigures.Rows([new("A", 9, 0), new("B", 1, 2), new("C", 1, 3)], 5);

        var others = Assert.Single(rows, r => r.Others);
        Assert.Equal(7, others.Total);
        Assert.Equal(16, rows.Sum(r => r.Total));
    }

    [Fact]
    public void ARunningTotalShowsADayOnlyAtTheLimitOrAtLeastTheLimitAboveTheLastShown()
    {
        var day = new DateOnly(2027, 1, 1);
        var totals = new long[] { 0, 5, 9, 10, 10, 14, 15 };

        var shown = ProtectedFigures.Running(totals.Select((t, i) => (day.AddDays(i), t)), 5);

        Assert.Equal([0, 5, null, 10, 10, null, 15], shown.Select(d => d.Value));
        Assert.Equal(totals.Select((_, i) => day.AddDays(i)), shown.Select(d => d.Day));
    }
}
