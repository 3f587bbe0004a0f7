using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Scheduling;

internal sealed class ScheduledActionConfiguration : IEntityTypeConfiguration<ScheduledAction>
{
    public void Configure(EntityTypeBuilder<ScheduledAction> builder)
    {
        builder.ToTable("ScheduledActions");
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ScheduledBy).HasMaxLength(200);
        builder.Property(s => s.ScheduledById).HasMaxLength(200);
        builder.Property(s => s.ClosedBy).HasMaxLength(200);
        builder.Property(s => s.Failure).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        // The runner's question every second: what is pending and due?
        builder.HasIndex(s => new { s.State, s.DueAt });
        builder.HasIndex(s => s.ContentItemId);
        builder.HasOne(s => s.ContentItem).WithMany().HasForeignKey(s => s.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Revision).WithMany().HasForeignKey(s => s.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
