using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Medarbejdergrundlag.Content.Data;

/// <summary>
/// The provider switch. SQLite is the embedded default, PostgreSQL the server database. The
/// migrations are provider-neutral, so SQL Server would be its package and one more arm here.
/// </summary>
public static class ContentDatabase
{
    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    public static DbContextOptionsBuilder UseContentDatabase(this DbContextOptionsBuilder options, string provider, string connectionString)
    {
        switch (provider.ToLowerInvariant())
        {
            case "sqlite":
                options.UseSqlite(connectionString);
                break;
            case "postgres" or "postgresql" or "npgsql":
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported. Use '{Sqlite}' or '{Postgres}'.");
        }

        // Migrations are hand-written and have no model snapshot, so EF always reports pending
        // model changes; SchemaDriftTests guard the real thing instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }

    public static bool IsSqlite(string provider) => string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
