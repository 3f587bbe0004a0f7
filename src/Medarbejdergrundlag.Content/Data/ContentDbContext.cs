using Medarbejdergrundlag.Content.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Medarbejdergrundlag.Content.Data;

/// <summary>
/// The content store's model. It is abstract because each provider has a context type of its own
/// (<see cref="SqliteContentDbContext"/>, <see cref="PostgresContentDbContext"/>,
/// <see cref="SqlServerContentDbContext"/>) with its own generated migrations; the services take
/// this type. It also holds the Data Protection key ring (<see cref="IDataProtectionKeyContext"/>).
/// </summary>
public abstract class ContentDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<ContentItem> Items => Set<ContentItem>();

    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ContentVersionStamp> ContentVersion => Set<ContentVersionStamp>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SlugRedirect> SlugRedirects => Set<SlugRedirect>();

    public DbSet<CourseDate> CourseDates => Set<CourseDate>();

    public DbSet<UsedLogoutToken> UsedLogoutTokens => Set<UsedLogoutToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<CalendarFeedOwner> CalendarFeedOwners => Set<CalendarFeedOwner>();

    public DbSet<Scheduling.ScheduledAction> ScheduledActions => Set<Scheduling.ScheduledAction>();

    public DbSet<Confirmation> Confirmations => Set<Confirmation>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<ApprovalRequest> ApprovalRequests => Set<ApprovalRequest>();

    public DbSet<ConsultationLink> ConsultationLinks => Set<ConsultationLink>();

    public DbSet<ConsultationEntry> ConsultationEntries => Set<ConsultationEntry>();

    public DbSet<LibraryImage> Images => Set<LibraryImage>();

    public DbSet<ImageRendition> ImageRenditions => Set<ImageRendition>();

    public DbSet<NotificationOutboxEntry> NotificationOutbox => Set<NotificationOutboxEntry>();

    public DbSet<PageViewCount> PageViewCounts => Set<PageViewCount>();

    public DbSet<SearchCount> SearchCounts => Set<SearchCount>();

    public DbSet<SearchClickCount> SearchClickCounts => Set<SearchClickCount>();

    /// <summary>
    /// Publishes made on this context and not yet committed: the publish path adds them, and
    /// <see cref="Publishing.PublishPipeline"/> hands them to the <see cref="Publishing.IPublishedHook"/>s
    /// when the transaction commits, or forgets them when it rolls back.
    /// </summary>
    internal List<Publishing.PublishRequest> PendingPublishes { get; } = [];

    /// <summary>
    /// History is never rewritten: revisions and audit entries may be added, never changed or removed.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void GuardHistory()
    {
        var rewritten = ChangeTracker.Entries()
            .Where(e => e.Entity is ContentRevision or AuditEntry && e.State is EntityState.Modified or EntityState.Deleted)
            .Where(e => !IsPublishStamp(e))
            .Select(e => e.Entity.GetType().Name)
            .FirstOrDefault();
        if (rewritten is not null)
        {
            throw new InvalidOperationException($"A {rewritten} is history and cannot be changed or deleted.");
        }
    }

    /// <summary>
    /// The one change a revision may take: publishing a draft stamps it once with when it was
    /// published, whether the editor called it material and their reason for publishing despite the
    /// content checks. Its text never changes, nor a reason once given.
    /// </summary>
    private static bool IsPublishStamp(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry is { Entity: ContentRevision, State: EntityState.Modified }
        && entry.Property(nameof(ContentRevision.PublishedAt)).OriginalValue is null
        && entry.Property(nameof(ContentRevision.ChecksOverrideReason)).OriginalValue is null
        && entry.Properties.Where(p => p.IsModified).All(p =>
            p.Metadata.Name is nameof(ContentRevision.PublishedAt) or nameof(ContentRevision.IsMaterialChange) or nameof(ContentRevision.ChecksOverrideReason));

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All times are UTC. SQLite hands back DateTimeKind.Unspecified, so the kind is restored on
        // read; PostgreSQL's timestamptz insists on UTC on write.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
