using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Medarbejdergrundlag.Content.Data;

// One context type per provider, each with its own migrations (Data/Migrations/{Provider}). The
// model is the same: it all lives in ContentDbContext.

public sealed class SqliteContentDbContext(DbContextOptions<SqliteContentDbContext> options) : ContentDbContext(options);

public sealed class PostgresContentDbContext(DbContextOptions<PostgresContentDbContext> options) : ContentDbContext(options);

public sealed class SqlServerContentDbContext(DbContextOptions<SqlServerContentDbContext> options) : ContentDbContext(options);

// Design-time factories for `dotnet ef`. Generating a migration needs no database; commands that
// read one (`migrations list`, `database update`) use ConnectionStrings__Content when it is set.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteContentDbContext>
{
    public SqliteContentDbContext CreateDbContext(string[] args) =>
        (SqliteContentDbContext)ContentDatabase.CreateContext(ContentDatabase.Sqlite, DesignTime.ConnectionString("Data Source=:memory:"));
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresContentDbContext>
{
    public PostgresContentDbContext CreateDbContext(string[] args) =>
        (PostgresContentDbContext)ContentDatabase.CreateContext(ContentDatabase.Postgres, DesignTime.ConnectionString("Host=localhost;Database=medarbejdergrundlag"));
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerContentDbContext>
{
    public SqlServerContentDbContext CreateDbContext(string[] args) =>
        (SqlServerContentDbContext)ContentDatabase.CreateContext(ContentDatabase.SqlServer, DesignTime.ConnectionString("Server=localhost;Database=medarbejdergrundlag;TrustServerCertificate=True;Integrated Security=False"));
}

internal static class DesignTime
{
    public static string ConnectionString(string fallback) =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Content") is { Length: > 0 } configured ? configured : fallback;
}
