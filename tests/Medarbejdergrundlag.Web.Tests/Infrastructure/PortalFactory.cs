using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Medarbejdergrundlag.Web.Tests.Infrastructure;

/// <summary>
/// The real app on a real SQLite file in its own temporary data folder, so every factory starts
/// from an empty database and goes through the same migrate-and-seed start-up as production.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.OrdinalIgnoreCase);

    public PortalFactory(string environment = "Development")
    {
        Environment = environment;
        DataFolder = Path.Combine(Path.GetTempPath(), "mg-tests", Guid.NewGuid().ToString("N"));
        _settings["Database:DataFolder"] = DataFolder;

        // Tests count and list content, so the development example courses stay out unless a test asks for them.
        _settings["Phoenix:ExampleCourses"] = "false";
    }

    public string Environment { get; }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "medarbejdergrundlag.db");

    /// <summary>Adds a configuration value; call before the first client is made.</summary>
    public PortalFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreatePlainClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

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
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; never fail a test over clean-up.
            }
        }
    }
}
