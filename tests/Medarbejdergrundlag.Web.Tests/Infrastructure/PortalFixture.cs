using Medarbejdergrundlag.Content.Data;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>One seeded portal on SQLite, shared by the read-only tests of a class.</summary>
public class PortalFixture : IAsyncLifetime
{
    public PortalFixture()
        : this(ContentDatabase.Sqlite)
    {
    }

    protected PortalFixture(string provider) => Factory = new PortalFactory(provider: provider);

    public PortalFactory Factory { get; }

    public HttpClient Employee { get; private set; } = default!;

    public async Task InitializeAsync() => Employee = await Factory.SignedInClientAsync();

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The same, on PostgreSQL.</summary>
public sealed class PostgresPortalFixture() : PortalFixture(ContentDatabase.Postgres);
