using Npgsql;
using Xunit.Sdk;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// The PostgreSQL server the tests run on: tests/setup/20-postgres.sh starts a throwaway cluster
/// and exports its connection string. Every test makes its own database there and drops it after.
/// Without the server the PostgreSQL tests fail, loudly: they are never skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "MG_TEST_POSTGRES";

    public const string ControlVariable = "MG_TEST_POSTGRES_CONTROL";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set, so the PostgreSQL tests have no server. Run tests/run.sh, which starts a " +
                $"throwaway cluster (tests/setup/20-postgres.sh), or export {Variable}=Host=...;Port=...;Username=...;Password=... " +
                "for a server of your own." + (Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true)" : ""));

    /// <summary>A connection string for a new, uniquely named database that does not exist yet.</summary>
    public static string NewDatabase() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "mg_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    /// <summary>Makes a new empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var connectionString = NewDatabase();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return connectionString;
    }

    /// <summary>Makes a new database from a plain SQL dump (pg_dump --inserts, psql meta-commands removed).</summary>
    public static async Task<string> RestoreDatabaseAsync(string dumpFile)
    {
        var connectionString = await CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(await File.ReadAllTextAsync(dumpFile), connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Stops or starts the test cluster, for the outage tests (pg_ctl through the setup's control script).</summary>
    public static async Task ControlServerAsync(string action)
    {
        var script = Environment.GetEnvironmentVariable(ControlVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ControlVariable} is not set: the outage tests need the cluster started by tests/setup/20-postgres.sh.");
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(script, action)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{script} {action}' failed ({process.ExitCode}): {output}");
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// Runs a theory once per database provider: <c>[Theory, Providers]</c>. SQLite and PostgreSQL always;
/// SQL Server when <c>MG_TEST_SQLSERVER</c> names a server (<see cref="TestSqlServer"/>).
/// </summary>
public sealed class ProvidersAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) =>
        TestSqlServer.Available ? [["Sqlite"], ["Postgres"], ["SqlServer"]] : [["Sqlite"], ["Postgres"]];
}

/// <summary>The server databases the tests make and drop, by provider.</summary>
public static class TestServers
{
    public static string NewDatabase(string provider) =>
        provider == "SqlServer" ? TestSqlServer.NewDatabase() : TestPostgres.NewDatabase();

    public static Task DropDatabaseAsync(string provider, string connectionString) =>
        provider == "SqlServer" ? TestSqlServer.DropDatabaseAsync(connectionString) : TestPostgres.DropDatabaseAsync(connectionString);
}
