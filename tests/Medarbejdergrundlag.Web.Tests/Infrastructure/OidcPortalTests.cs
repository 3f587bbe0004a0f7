namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// A test class whose tests each get a fresh test provider (<see cref="TokenIssuer"/>) and a portal
/// configured against it, with the portal's log kept.
/// </summary>
public abstract class OidcPortalTests : IAsyncLifetime
{
    protected TokenIssuer Issuer { get; private set; } = default!;

    protected LogCapture Logs { get; } = new();

    protected PortalFactory Portal { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Issuer = await TokenIssuer.StartAsync();
        Portal = TokenIssuer.Portal(Issuer.Issuer, Logs);
    }

    public async Task DisposeAsync()
    {
        Portal.Dispose();
        await Issuer.DisposeAsync();
    }
}
