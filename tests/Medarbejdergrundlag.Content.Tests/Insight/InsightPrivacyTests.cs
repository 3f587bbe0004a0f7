using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Insight;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Tests.Insight;

/// <summary>Insight holds no personal data: not in its tables' shape, not in what a query becomes.</summary>
public sealed partial class InsightPrivacyTests
{
    /// <summary>The analytics tables. Any entity named …Count is taken as one, so a new one is checked too.</summary>
    private static readonly Type[] Analytics = [typeof(PageViewCount), typeof(SearchCount), typeof(SearchClickCount)];

    [Fact]
    public void NoAnalyticsTableHasAColumnForAUserSubjectIpAgentOrSession()
    {
        using var db = ContentDatabase.CreateContext(ContentDatabase.Sqlite, "Data Source=:memory:");
        var entities = db.Model.GetEntityTypes().Where(e => e.ClrType.Name.EndsWith("Count", StringComparison.Ordinal)).ToList();
        Assert.Equal(Analytics.OrderBy(t => t.Name), entities.Select(e => e.ClrType).OrderBy(t => t.Name));
        foreach (var entity in entities)
        {
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                var words = Words().Matches(column).Select(m => m.Value.ToLowerInvariant()).ToList();
                Assert.False(words.Any(w => w is "user" or "subject" or "sub" or "ip" or "agent" or "session" or "address" or "email" or "name"),
                    $"{entity.GetTableName()}.{column} looks like personal data");
            }
        }

        // And, named plainly, every column there is: the page or query, the period, the figures.
        Assert.Equal(["Count", "Day", "Monthly", "Path", "Position", "Query", "Results"],
            Analytics.SelectMany(t => db.Model.FindEntityType(t)!.GetProperties().Select(p => p.GetColumnName())).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("010190-1234", "[cpr]")]
    [InlineData("0101901234", "[cpr]")]
    [InlineData("cpr 010190 1234 ferie", "cpr [cpr] ferie")]
    [InlineData("Skriv til Hanne.Hansen@odense.dk om ferie", "skriv til [e-mail] om ferie")]
    [InlineData("ring 65 51 10 00", "ring [telefon]")]
    [InlineData("+45 65511000", "[telefon]")]
    [InlineData("6551-1000 i dag", "[telefon] i dag")]
    [InlineData("  Ferie   OG   Fravær ", "ferie og fravær")]
    [InlineData("paragraf 12 og 2027", "paragraf 12 og 2027")]
    public void AQueryIsNormalisedAndItsPersonalDataRedacted(string query, string expected) =>
        Assert.Equal(expected, QueryRedaction.Normalize(query));

    [Fact]
    public void ALongQueryIsCutToAHundredCharactersAfterItsNumbersAreRedacted()
    {
        var query = new string('a', 95) + " 010190-1234 " + new string('b', 40);

        var normalized = QueryRedaction.Normalize(query)!;

        Assert.Equal(QueryRedaction.MaxLength, normalized.Length);
        Assert.Equal(new string('a', 95) + " [cpr", normalized);
        // Cut just after a space: the space goes too.
        Assert.Equal(new string('a', 99), QueryRedaction.Normalize(new string('a', 99) + " " + new string('b', 40)));
    }

    [Fact]
    public void ABlankQueryIsNotCounted() => Assert.Null(QueryRedaction.Normalize("   "));

    [Fact]
    public void ARunningTotalShowsNoDayUnderFiveNorAStepUnderFive()
    {
        var day = new DateOnly(2027, 1, 1);
        var totals = new long[] { 0, 2, 6, 7, 9, 11, 11, 30 };
        var shown = ProtectedFigures.Running(totals.Select((t, i) => (day.AddDays(i), t)), 5).Select(d => d.Value).ToList();
        Assert.Equal([0, null, 6, null, null, 11, 11, 30], shown);
    }

    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();
}
