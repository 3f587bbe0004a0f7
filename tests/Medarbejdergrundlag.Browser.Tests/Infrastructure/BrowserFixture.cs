using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Medarbejdergrundlag.Browser.Tests.Infrastructure;

/// <summary>
/// One portal and one Chromium for the whole test run. Each test opens its own browser context
/// (own cookies, own viewport), which is cheap; starting the browser and the app is not.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    // Debian's Chromium, never a downloaded build; these switches keep it from calling home.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? _playwright;
    private PageCatalog? _catalog;

    public const string ContactEmail = "tilgaengelighed@example.org";
    public const string ContactPhone = "65 51 00 00";

    /// <summary>The portal's clock: the real time until a test moves it on (scheduled publishing).</summary>
    public Medarbejdergrundlag.Tests.Shared.TestClock Clock { get; } = new(DateTimeOffset.UtcNow, running: true);

    // The courses the journeys need are imported by the fixture, through the admin page (TestCourses).
    public PortalFactory Server { get; }

    // Approval (issue 27) is off here: the journeys publish material changes by hand; the approval journey has its own server.
    public BrowserFixture() => Server = new PortalFactory().WithoutApproval()
        .With("Accessibility:ContactEmail", ContactEmail)
        .With("Accessibility:ContactPhone", ContactPhone)
        .WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Server.StartOnKestrel();
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}. tests/setup/10-chromium.sh installs it (apt-get install chromium).");
        }

        // The machines that run this are shared and often busy: wait for the page rather than fail.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });

        // The first pages of a run meet a cold server (the JIT, the first database reads): with four busy
        // loops beside it on this 2-core machine, the first sign-in took over 30 s. The fixture absorbs
        // that here, with room to spare, so that no test's first sign-in pays for it; the tests keep
        // the 30 s below.
        await using var editor = await NewContextAsync(persona: null);
        editor.SetDefaultTimeout(120_000);
        await SignInAsync(editor, "hr-redaktoer");
        await TestCourses.ImportAsync(editor);
        await (await editor.NewPageAsync()).GotoAsync("/");
    }

    /// <summary>A fresh context at the given width; signed in as the persona unless it is null.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, string? persona = "medarbejder", bool clipboard = false, string locale = "da-DK")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 800 : 900 },
            Locale = locale,
            Permissions = clipboard ? ["clipboard-read", "clipboard-write"] : [],
        });
        // Playwright's own default (30 s) for actions and navigation: the first sign-in of a run meets a
        // cold server (views compiled, the JIT), and on a busy shared machine that once took over 15 s.
        // Expectations keep their 15 s (above).
        context.SetDefaultTimeout(30_000);
        if (persona is not null)
        {
            await SignInAsync(context, persona);
        }

        return context;
    }

    /// <summary>Signs in through the real persona form, as a person would.</summary>
    public static async Task SignInAsync(IBrowserContext context, string persona)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/log-ind");
        await page.Locator($"button[name=persona][value={persona}]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/konto/log-ind", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>Every page of the portal, discovered once per run (see <see cref="PageCatalog"/>).</summary>
    public async Task<PageCatalog> CatalogAsync()
    {
        if (_catalog is null)
        {
            await using var editor = await NewContextAsync(persona: "hr-redaktoer");
            _catalog = await PageCatalog.DiscoverAsync(Server, editor.APIRequest);
        }

        return _catalog;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
