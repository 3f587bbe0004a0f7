using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Data;

public class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ContentVersionStamp> ContentVersion => Set<ContentVersionStamp>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC. SQLite hands back DateTimeKind.Unspecified, so the kind is restored on
        // read; PostgreSQL's timestamptz insists on UTC on write.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
