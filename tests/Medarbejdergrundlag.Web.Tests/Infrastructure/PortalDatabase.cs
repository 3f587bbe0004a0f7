using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// A portal's database for one test: a SQLite file in its own temporary folder, or a database of
/// its own on the test PostgreSQL server. Several portal instances may share one; it is removed
/// when disposed.
/// </summary>
public sealed class PortalDatabase : IDisposable
{
    private PortalDatabase(string provider, string connectionString, string? dataFolder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite data folder; null on PostgreSQL.</summary>
    public string? DataFolder { get; }

    /// <summary>A server database (PostgreSQL, or SQL Server when the suite runs against one).</summary>
    public bool IsPostgres => !ContentDatabase.IsSqlite(Provider);

    /// <summary>The configuration that points the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => IsPostgres
        ? new Dictionary<string, string?> { ["Database:Provider"] = Provider, ["ConnectionStrings:Content"] = ConnectionString }
        : new Dictionary<string, string?> { ["Database:Provider"] = Provider, ["Database:DataFolder"] = DataFolder };

    public static PortalDatabase Create(string provider = ContentDatabase.Sqlite)
    {
        if (!ContentDatabase.IsSqlite(provider))
        {
            // The app's own start-up (Migrate) creates the database, as it would in production.
            return new PortalDatabase(provider, TestServers.NewDatabase(provider), null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "mg-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "medarbejdergrundlag.db");
        return new PortalDatabase(provider, $"Data Source={file};Foreign Keys=True", folder);
    }

    /// <summary>
    /// A database made by an earlier version, from tests/Fixtures: a copy of the SQLite file, or a
    /// new PostgreSQL database restored from the dump.
    /// </summary>
    public static async Task<PortalDatabase> FromFixtureAsync(string provider, string sqliteFile, string postgresDump)
    {
        if (!ContentDatabase.IsSqlite(provider))
        {
            return new PortalDatabase(provider, await TestPostgres.RestoreDatabaseAsync(postgresDump), null);
        }

        var database = Create(provider);
        Directory.CreateDirectory(database.DataFolder!);
        File.Copy(sqliteFile, Path.Combine(database.DataFolder!, "medarbejdergrundlag.db"));
        return database;
    }

    /// <summary>A context straight on the database, for arranging what a test needs.</summary>
    public ContentDbContext NewContext() => ContentDatabase.CreateContext(Provider, ConnectionString);

    public void Dispose()
    {
        if (IsPostgres)
        {
            TestServers.DropDatabaseAsync(Provider, ConnectionString).GetAwaiter().GetResult();
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over clean-up.
        }
    }
}
