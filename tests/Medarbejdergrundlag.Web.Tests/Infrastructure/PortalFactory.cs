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

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real database (SQLite file or PostgreSQL, see <see cref="PortalDatabase"/>),
/// so every factory goes through the same migrate-and-seed start-up as production. A factory made
/// with a database of its own removes it when disposed; one given a shared database leaves it.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
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

    public HttpClient CreatePlainClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>A client that keeps no cookies of its own, for carrying one cookie between instances.</summary>
    public HttpClient CreateCookielessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client signed in through the real persona form, antiforgery token and all.</summary>
    public async Task<HttpClient> SignedInClientAsync(string persona = "medarbejder")
    {
        var client = CreatePlainClient();
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

        return client;
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {path}.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
