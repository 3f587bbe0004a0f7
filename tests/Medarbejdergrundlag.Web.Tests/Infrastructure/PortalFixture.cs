namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>One seeded portal shared by the read-only tests of a class.</summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    public HttpClient Employee { get; private set; } = default!;

    public async Task InitializeAsync() => Employee = await Factory.SignedInClientAsync();

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
