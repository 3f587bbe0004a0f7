using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Tests.Data;

/// <summary>The check that compiles every query of the tests for SQL Server, checked itself.</summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public async Task AQueryThePortalRunsTranslatesOnSqlServer()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        // Written with constants: the interceptor gets queries after EF has made parameters of captured values.
        var query = db.Items.Where(i => i.Key == "mod" && !i.IsArchived).Include(i => i.PublishedRevision).OrderBy(i => i.SortOrder);

        Assert.Null(SqlServerTranslationCheck.Translate(query.Expression));
    }

    [Fact]
    public async Task AQueryOnlySqliteCanRunIsCaught()
    {
        await using var database = await TestDatabase.CreateAsync();
        // A context without the check: SQLite runs the query.
        await using var db = TestDatabase.StandaloneContext(ContentDatabase.Sqlite, database.ConnectionString);

        var query = db.Items.Where(i => EF.Functions.Glob(i.Key, "m*"));

        Assert.NotEmpty(await query.ToListAsync());
        Assert.Contains("Glob", SqlServerTranslationCheck.Translate(query.Expression));
    }

    [Fact]
    public async Task TheTestsDatabaseRunsEveryQueryThroughTheCheck()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.NewContext();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Items.Where(i => EF.Functions.Glob(i.Key, "ud*")).ToListAsync());

        Assert.Contains("does not translate on SQL Server", failure.Message);
    }
}
