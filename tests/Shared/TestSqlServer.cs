using Microsoft.Data.SqlClient;

namespace Medarbejdergrundlag.Tests.Shared;

/// <summary>
/// A SQL Server for the full provider suite, when <c>MG_TEST_SQLSERVER</c> holds a connection string
/// to one (no SQL Server runs on the project's own machines; tests/run.sh says whether it ran).
/// Every test makes its own database there and drops it after.
/// </summary>
public static class TestSqlServer
{
    public const string Variable = "MG_TEST_SQLSERVER";

    public static bool Available => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable));

    /// <summary>A connection string for a new, uniquely named database; the app's migrations create it.</summary>
    public static string NewDatabase() =>
        new SqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable)) { InitialCatalog = "mg_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(connectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(
            $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END", connection);
        await command.ExecuteNonQueryAsync();
    }
}
