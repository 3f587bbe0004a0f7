using System.Data.Common;
using Medarbejdergrundlag.Content.Backup;
using Medarbejdergrundlag.Content.Confirmations;
using Medarbejdergrundlag.Content.Data;
using Medarbejdergrundlag.Content.Editing;
using Medarbejdergrundlag.Content.Markdown;
using Medarbejdergrundlag.Content.Model;
using Medarbejdergrundlag.Content.Publishing;
using Medarbejdergrundlag.Content.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Medarbejdergrundlag.Content;

public static class ContentStoreExtensions
{
    /// <summary>
    /// Registers the content store. <c>Database:Provider</c> picks the provider: <c>Sqlite</c> (the
    /// default), <c>Postgres</c> or <c>SqlServer</c>. SQLite keeps its file in <c>Database:DataFolder</c>
    /// unless <c>ConnectionStrings:Content</c> is given; the servers need <c>ConnectionStrings:Content</c>
    /// (from the environment: <c>ConnectionStrings__Content</c>).
    /// </summary>
    public static IServiceCollection AddContentStore(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = ContentDatabase.Normalize(configuration["Database:Provider"] is { Length: > 0 } configured ? configured : ContentDatabase.Sqlite);
        var connectionString = configuration.GetConnectionString("Content");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = ContentDatabase.IsSqlite(provider)
                ? SqliteConnectionString(configuration, contentRoot)
                : throw new InvalidOperationException(
                    $"Database:Provider is '{provider}' but ConnectionStrings:Content is not set. Set ConnectionStrings__Content " +
                    "in the environment, e.g. Host=db;Database=medarbejdergrundlag;Username=...;Password=...; see docs/operations.md.");
        }

        _ = provider switch
        {
            ContentDatabase.Sqlite => AddProviderContext<SqliteContentDbContext>(services, provider, connectionString),
            ContentDatabase.Postgres => AddProviderContext<PostgresContentDbContext>(services, provider, connectionString),
            _ => AddProviderContext<SqlServerContentDbContext>(services, provider, connectionString),
        };
        services.AddSingleton<IInterceptor, PublishPipeline>();
        services.AddSingleton(new ContentStoreOptions(provider, configuration.GetValue("Database:MigrateOnStart", true), configuration.GetValue("Scheduling:WarmUpOnStart", true)));
        services.AddSingleton<IMarkdownRenderer, MarkdigRenderer>();
        services.AddSingleton<RevisionRenderer>();
        services.Configure<Images.ImageOptions>(configuration.GetSection(Images.ImageOptions.Section));
        services.AddSingleton<Images.ImageCatalog>();
        services.AddSingleton<Images.ImageStore>();
        services.AddScoped<Images.ImageLibrary>();
        services.AddSingleton<PublishedContentStore>();
        services.AddScoped<IPublishGate, Checks.ContentChecksGate>();
        services.AddScoped<Checks.DraftChecks>();
        services.AddScoped<IPublishGate, Approvals.ApprovalGate>();
        services.AddOptions<Approvals.GovernanceOptions>().Bind(configuration.GetSection(Approvals.GovernanceOptions.Section));
        services.AddScoped<Approvals.ApprovalDesk>();
        services.AddScoped<Approvals.Consultations>();
        services.AddSingleton<Checks.ContentChecker>().Configure<Checks.ContentCheckOptions>(configuration.GetSection(Checks.ContentCheckOptions.Section));
        services.AddScoped<ContentSeeder>();
        services.AddScoped<ExampleCourseSeeder>();
        services.AddScoped<ContentEditor>();
        services.AddScoped<TranslationEditor>();
        services.AddScoped<ExampleTranslationSeeder>();
        services.AddScoped<CourseDateEditor>();
        services.AddScoped<CourseImporter>();
        services.AddScoped<ContentBackup>();
        services.AddScoped<Scheduling.PublishSchedule>();
        services.AddScoped<Scheduling.ReviewEditor>();
        services.AddScoped<Scheduling.CourseExpiry>();
        services.AddSingleton<Scheduling.ScheduleRunner>();
        services.AddHostedService<Scheduling.ScheduleWorker>();
        services.AddSingleton<Scheduling.ScheduleHeartbeat>();
        services.AddMemoryCache();
        services.AddSingleton<ChangeHistory>();
        services.AddSingleton<ReaderStatuses>();
        services.AddScoped<CharterConfirmations>();
        services.AddScoped<ChangeLog>();
        services.Configure<ConfirmationOptions>(configuration.GetSection(ConfirmationOptions.Section));
        services.AddHostedService<ConfirmationRetention>();
        services.Configure<Notifications.NotificationOptions>(configuration.GetSection(Notifications.NotificationOptions.Section));
        services.AddSingleton<Notifications.NotificationSignal>();
        services.AddSingleton<IPublishedHook, Notifications.NotificationHook>();
        services.AddSingleton<Notifications.NotificationDispatcher>();
        services.AddHostedService<Notifications.NotificationWorker>();
        services.AddHttpClient(Notifications.NotificationDispatcher.HttpClientName);
        services.Configure<Insight.InsightOptions>(configuration.GetSection(Insight.InsightOptions.Section));
        services.AddSingleton<Insight.InsightCounter>();
        services.AddScoped<Insight.InsightReport>();
        services.AddSingleton<Insight.InsightFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<Insight.InsightFlusher>());
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>
    /// Registers the provider's own context type behind the <see cref="ContentDbContext"/> the
    /// services take: scoped, and as a factory. Interceptors registered in the container join in.
    /// The contexts are pooled: a request that reads the admin overview no longer builds a context
    /// of its own (about 40 KiB each, issue 32). A context comes back from the pool with EF's state
    /// reset, and with no publishes left pending from its last use.
    /// </summary>
    private static IServiceCollection AddProviderContext<TContext>(IServiceCollection services, string provider, string connectionString)
        where TContext : ContentDbContext
    {
        services.AddPooledDbContextFactory<TContext>((serviceProvider, options) => options
            .UseContentDatabase(provider, connectionString)
            .AddInterceptors(serviceProvider.GetServices<IInterceptor>()));
        services.AddSingleton<IDbContextFactory<ContentDbContext>>(serviceProvider =>
            new ContentDbContextFactory<TContext>(serviceProvider.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<ContentDbContext>(serviceProvider => serviceProvider.GetRequiredService<IDbContextFactory<ContentDbContext>>().CreateDbContext());
        return services;
    }

    private sealed class ContentDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<ContentDbContext>
        where TContext : ContentDbContext
    {
        public ContentDbContext CreateDbContext()
        {
            var context = inner.CreateDbContext();
            // A pooled context whose last user stopped between a publish and its save.
            context.PendingPublishes.Clear();
            return context;
        }
    }

    /// <summary>Creates or migrates the database without seeding it (for restoring a backup into it).</summary>
    public static async Task MigrateContentStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await PrepareSchemaAsync(scope.ServiceProvider, cancellationToken);
    }

    /// <summary>
    /// Creates or migrates the database, then seeds what is missing. Run once at start-up.
    /// <paramref name="exampleCourses"/>: also add the example courses (development only).
    /// </summary>
    public static async Task InitializeContentStoreAsync(this IServiceProvider services, bool exampleCourses = false, CancellationToken cancellationToken = default)
    {
        // Instances started together on an empty database race to create and seed it; the loser
        // fails on a duplicate, tries again and finds the work done.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeOnceAsync(services, exampleCourses, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is DbException or DbUpdateException)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentStoreExtensions).FullName!)
                    .LogWarning("Preparing the content database failed (attempt {Attempt}), trying again: {Error}", attempt, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
        }
    }

    private static async Task InitializeOnceAsync(IServiceProvider services, bool exampleCourses, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await PrepareSchemaAsync(scope.ServiceProvider, cancellationToken);
        // Seeding saves published items, so the publish pipeline moves the stamp and drops the snapshot.
        await scope.ServiceProvider.GetRequiredService<ContentSeeder>().SeedAsync(cancellationToken);
        if (exampleCourses)
        {
            await scope.ServiceProvider.GetRequiredService<ExampleCourseSeeder>().SeedAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<ExampleTranslationSeeder>().SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Migrates the database, or with <c>Database:MigrateOnStart=false</c> only checks it: a DBA
    /// applies the schema, and the app refuses to start while migrations are pending, naming them.
    /// </summary>
    private static async Task PrepareSchemaAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ContentDbContext>();
        var options = services.GetRequiredService<ContentStoreOptions>();
        if (options.MigrateOnStart)
        {
            await LegacyMigrationHistory.AdoptAsync(db, cancellationToken);
            var introducesServerSessions = await LegacyMigrationHistory.IntroducesServerSessionsAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            if (introducesServerSessions)
            {
                var clock = services.GetRequiredService<TimeProvider>();
                db.Milestones.Add(new Milestone { Name = Milestone.ServerSessionsIntroduced, At = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(cancellationToken);
            }

            return;
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var legacy = await LegacyMigrationHistory.NeedsAdoptionAsync(db, cancellationToken)
                ? " The database was made before generated migrations: the script records that its schema already matches the baseline."
                : "";
            throw new InvalidOperationException(
                $"Database:MigrateOnStart is false and the {options.Provider} database lacks {pending.Count} migration(s): " +
                $"{string.Join(", ", pending)}. Apply them with the idempotent script from scripts/migration-sql.sh {options.Provider}, " +
                $"then start again.{legacy} See docs/operations.md.");
        }
    }

    private static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var folder = Path.GetFullPath(configuration["Database:DataFolder"] ?? "App_Data", contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "medarbejdergrundlag.db")};Foreign Keys=True";
    }
}
