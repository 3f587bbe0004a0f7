using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content.Tests;

/// <summary>
/// A real database wired up through the same AddContentStore registration the web app uses:
/// SQLite in memory (kept alive by one open connection), or a fresh database on the test
/// PostgreSQL server, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection? _sqliteConnection;

    private TestDatabase(string provider, string connectionString, SqliteConnection? sqliteConnection, ServiceProvider services)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteConnection = sqliteConnection;
        Services = services;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    /// <param name="services">replaces or adds services after the store's own (a clock, say).</param>
    public static async Task<TestDatabase> CreateAsync(string provider = ContentDatabase.Sqlite, bool initialize = true, Action<IServiceCollection>? services = null)
    {
        SqliteConnection? keepAlive = null;
        string connectionString;
        if (ContentDatabase.IsSqlite(provider))
        {
            connectionString = $"Data Source=mg-{Guid.NewGuid():N};Mode=Memory;Cache=Shared;Foreign Keys=True";
            keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
        }
        else
        {
            connectionString = TestServers.NewDatabase(provider);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider,
                ["ConnectionStrings:Content"] = connectionString,
            })
            .Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IInterceptor>(SqlServerTranslationCheck.Instance)
            .AddContentStore(configuration, AppContext.BaseDirectory);
        services?.Invoke(collection);
        var provided = collection.BuildServiceProvider();
        var database = new TestDatabase(provider, connectionString, keepAlive, provided);
        if (initialize)
        {
            await provided.InitializeContentStoreAsync();
        }

        return database;
    }

    /// <summary>
    /// For tests about something else than approval that publish material changes by hand:
    /// <c>Governance:ApprovalRequiredFor=None</c>, as before approvals (issue 27).
    /// </summary>
    public static void WithoutApproval(IServiceCollection services) =>
        services.Configure<Medarbejdergrundlag.Content.Approvals.GovernanceOptions>(o => o.ApprovalRequiredFor = Medarbejdergrundlag.Content.Approvals.ApprovalScope.None);

    public ContentDbContext NewContext() =>
        Services.GetRequiredService<IDbContextFactory<ContentDbContext>>().CreateDbContext();

    /// <summary>A context of its own on a given connection string, for comparing schemas.</summary>
    public static ContentDbContext StandaloneContext(string provider, string connectionString) =>
        ContentDatabase.CreateContext(provider, connectionString);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_sqliteConnection is not null)
        {
            await _sqliteConnection.DisposeAsync();
        }
        else
        {
            await TestServers.DropDatabaseAsync(Provider, ConnectionString);
        }
    }
}
