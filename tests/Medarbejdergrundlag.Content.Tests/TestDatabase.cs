using Medarbejdergrundlag.Content.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests;

/// <summary>
/// A real SQLite database in memory, kept alive by one open connection, wired up through the
/// same AddContentStore registration the web app uses.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection, ServiceProvider services)
    {
        _connection = connection;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<TestDatabase> CreateAsync(bool initialize = true)
    {
        var name = "mg-" + Guid.NewGuid().ToString("N");
        var connectionString = $"Data Source={name};Mode=Memory;Cache=Shared;Foreign Keys=True";
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Content"] = connectionString })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddContentStore(configuration, AppContext.BaseDirectory)
            .BuildServiceProvider();
        var database = new TestDatabase(connection, services);
        if (initialize)
        {
            await services.InitializeContentStoreAsync();
        }

        return database;
    }

    public ContentDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<ContentDbContext>>().CreateDbContext();

    /// <summary>A context for a separate database, for comparing schemas.</summary>
    public static ContentDbContext StandaloneContext(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<ContentDbContext>()
            .UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
