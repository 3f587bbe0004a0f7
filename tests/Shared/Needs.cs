namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// What a test needs beyond the process it runs in (or a quiet minute of its own), as an xunit trait: <c>[Trait(Needs.Trait, Needs.Postgres)]</c>.
/// <c>tests/run.sh --fast</c> leaves these out (and every row whose name says Postgres or SqlServer,
/// and the Browser and Oidc projects as a whole); <c>tests/run.sh</c> runs them all.
/// </summary>
public static class Needs
{
    public const string Trait = "Needs";

    /// <summary>A PostgreSQL server (<c>MG_TEST_POSTGRES</c>).</summary>
    public const string Postgres = "Postgres";

    /// <summary>A separate process: the portal as a real dotnet process, node, a script.</summary>
    public const string Process = "Process";

    /// <summary>Chromium through Playwright.</summary>
    public const string Browser = "Browser";

    /// <summary>A test that runs alone for most of a minute (the 5,000-document search index, whose timings it prints).</summary>
    public const string Time = "Time";

    /// <summary>The filter <c>dotnet test --filter</c> takes for the fast tier.</summary>
    public const string FastFilter = "Needs!=Postgres&Needs!=Process&Needs!=Browser&Needs!=Time&DisplayName!~Postgres&DisplayName!~SqlServer";
}
