using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Medarbejdergrundlag.Content;

public static class ContentStoreExtensions
{
    /// <summary>
    /// Registers the content store. <c>Database:Provider</c> picks the provider (Sqlite by default);
    /// SQLite keeps its file in <c>Database:DataFolder</c> unless <c>ConnectionStrings:Content</c> is given.
    /// </summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Content");

        void Configure(DbContextOptionsBuilder options)
        {
            switch (provider.ToLowerInvariant())
            {
                case "sqlite":
                    options.UseSqlite(connectionString ?? SqliteConnectionString(configuration, contentRoot));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Database:Provider '{provider}' is not supported. Use 'Sqlite'.");
            }

            // Migrations are hand-written and have no model snapshot, so EF always reports pending
            // model changes; SchemaDriftTests guard the real thing instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        }

        services.AddDbContextFactory<ContentDbContext>(Configure);
        services.AddDbContext<ContentDbContext>(Configure, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        services.AddSingleton<IMarkdownRenderer, MarkdigRenderer>();
        services.AddSingleton<RevisionRenderer>();
        services.AddSingleton<PublishedContentStore>();
        services.AddScoped<ContentSeeder>();
        services.AddScoped<ExampleCourseSeeder>();
        services.AddScoped<ContentEditor>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Creates or migrates the database, then seeds what is missing. Run once at start-up.
    /// <paramref name="exampleCourses"/>: also add the example courses (development only).
    /// </summary>
    public static async Task InitializeContentStoreAsync(this IServiceProvider services, bool exampleCourses = false, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var seeded = await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(cancellationToken);
        if (exampleCourses)
        {
            seeded += await scope.ServiceProvider.GetRequiredService<ExampleCourseSeeder>().SeedAsync(cancellationToken);
        }

        if (seeded > 0)
        {
            services.GetRequiredService<PublishedContentStore>().Invalidate();
        }
    }

    private static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var folder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "medarbejdergrundlag.db")};Foreign Keys=True";
    }
}
