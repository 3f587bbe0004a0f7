using Microsoft.Playwright;

namespace Medarbejdergrundlag.Oidc.Tests.Infrastructure;

/// <summary>
/// One real provider, one portal on Kestrel configured against it, and one headless Chromium, shared
/// by the browser tests; every test opens its own browser context, so no cookies cross between tests.
/// The portal is at localhost and the provider at 127.0.0.1: two hosts, two cookie jars, as in life.
/// </summary>
public sealed class SignInFixture : IAsyncLifetime
{
    public const string EditorGroup = "hr-redaktoerer";

    private IPlaywright? _playwright;

    public OidcProviderProcess Provider { get; private set; } = default!;

    public PortalFactory Portal { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public string PortalUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var port = TestEnvironment.FreePort();
        PortalUrl = $"http://localhost:{port}";
        Provider = await OidcProviderProcess.StartAsync(PortalUrl);
        Portal = new PortalFactory()
            .With("Authentication:Oidc:Authority", Provider.Issuer)
            .With("Authentication:Oidc:ClientId", OidcProviderProcess.ClientId)
            .With("Authentication:Oidc:ClientSecret", Provider.ClientSecret)
            .With("Authentication:Oidc:RequireHttpsMetadata", "false")
            .With("Authentication:Oidc:Scope", "openid profile email groups")
            .With("Authentication:Oidc:RoleClaim", "groups")
            .With("Authentication:Oidc:EditorValues:0", EditorGroup)
            .StartOnKestrel(port);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "da-DK" });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Portal?.Dispose();
        Provider?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class SignInCollection : ICollectionFixture<SignInFixture>
{
    public const string Name = "Real provider, real browser";
}
