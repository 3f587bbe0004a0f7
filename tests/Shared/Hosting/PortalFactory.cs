using System.Net;
using System.Text.RegularExpressions;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Tests.Shared;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Tests.Hosting;

/// <summary>
/// The portal in process, for every test project: the real app on a real database (SQLite file or PostgreSQL, see <see cref="PortalDatabase"/>),
/// so every factory goes through the same migrate-and-seed start-up as production. A factory made
/// with a database of its own removes it when disposed; one given a shared database leaves it.
/// </summary>
public partial class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _ownsDatabase;
    private ILoggerProvider? _logSink;
    private Action<IServiceCollection>? _services;

    public PortalFactory(string environment = "Development", string provider = ContentDatabase.Sqlite)
        : this(PortalDatabase.Create(provider), environment, ownsDatabase: true)
    {
    }

    /// <summary>
    /// Another instance on an existing database, as after a restart or behind a load balancer.
    /// <paramref name="ownsDatabase"/>: remove the database with this factory.
    /// </summary>
    public PortalFactory(PortalDatabase database, string environment = "Development", bool ownsDatabase = false)
    {
        Environment = environment;
        Database = database;
        _ownsDatabase = ownsDatabase;
        foreach (var (key, value) in database.Settings)
        {
            _settings[key] = value;
        }

        // Tests count and list content, so the development example courses stay out unless a test asks for them.
        _settings["Phoenix:ExampleCourses"] = "false";

        // Hundreds of factories start in a run: the schedule worker's start-up rehearsal (measured by
        // the two-instance test on real processes, and tested on its own) is left out here.
        _settings["Scheduling:WarmUpOnStart"] = "false";

        // Production refuses to build links from the Host header, so it needs the portal's address.
        if (environment == "Production")
        {
            _settings["Portal:PublicBaseUrl"] = "https://medarbejdergrundlag.test";
        }
    }

    public string Environment { get; }

    public PortalDatabase Database { get; }

    public string DataFolder => Database.DataFolder ?? throw new InvalidOperationException("Only SQLite has a data folder.");

    public string DatabasePath => Path.Combine(DataFolder, "medarbejdergrundlag.db");

    /// <summary>Adds a configuration value; call before the first client is made.</summary>
    public PortalFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>
    /// <c>Governance:ApprovalRequiredFor=None</c>: for tests about something else than approval (issue 27)
    /// that publish material changes by hand, as editors could before approvals.
    /// </summary>
    public PortalFactory WithoutApproval() => With("Governance:ApprovalRequiredFor", "None");

    /// <summary>Sends the app's logs to <paramref name="sink"/> as well; call before the first client is made.</summary>
    public PortalFactory WithLogs(ILoggerProvider sink)
    {
        _logSink = sink;
        return this;
    }

    /// <summary>Replaces or adds services after the app's own (a clock, say); call before the first client is made.</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services += configure;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Every query the app runs in a test is also compiled for SQL Server (no server needed).
        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(SqlServerTranslationCheck.Instance));
        if (_services is { } configureServices)
        {
            builder.ConfigureTestServices(configureServices);
        }

        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_logSink is { } sink)
        {
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(sink)));
        }
    }

    /// <summary>
    /// Runs the app on real Kestrel on a loopback port (0: a free one), for a browser or an
    /// identity provider that must reach it over HTTP. Call before anything else starts the app.
    /// </summary>
    public PortalFactory StartOnKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        // The IPv4 loopback address: a browser then needs no name resolution at all.
        var address = addresses.FirstOrDefault(a => a.Contains("127.0.0.1", StringComparison.Ordinal)) ?? addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return this;
    }

    /// <summary>The Kestrel origin after <see cref="StartOnKestrel"/>, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public HttpClient CreatePlainClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>A client that keeps no cookies of its own, for carrying one cookie between instances.</summary>
    public HttpClient CreateCookielessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in through the real persona form, antiforgery token and all.</summary>
    public async Task<HttpClient> SignedInClientAsync(string persona = "medarbejder")
    {
        var client = CreatePlainClient();
        await PersonaSignInAsync(client, persona);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> (one that keeps cookies) in through the persona form; the sign-in's response.</summary>
    public static async Task<HttpResponseMessage> PersonaSignInAsync(HttpClient client, string persona)
    {
        var token = await AntiforgeryTokenAsync(client, "/konto/log-ind");
        var response = await client.PostAsync("/konto/log-ind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["persona"] = persona,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Persona sign-in answered {(int)response.StatusCode}.");
        }

        return response;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path) =>
        AntiforgeryTokenFrom(await client.GetStringAsync(path), path);

    public static string AntiforgeryTokenFrom(string html, string page = "the page")
    {
        return AntiforgeryToken(html) ?? throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    /// <summary>The antiforgery token a page's form carries, or null: the one place the tests read it from HTML.</summary>
    public static string? AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
