using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(1000);
        builder.Property(a => a.DecisionNote).HasMaxLength(1000);
        builder.Property(a => a.RequestedBy).HasMaxLength(200);
        builder.Property(a => a.RequestedById).HasMaxLength(200);
        builder.Property(a => a.DecidedBy).HasMaxLength(200);
        builder.Property(a => a.DecidedById).HasMaxLength(200);
        // The gate asks "is this revision approved?"; the overview asks "what is pending?".
        builder.HasIndex(a => a.RevisionId);
        builder.HasIndex(a => new { a.State, a.ContentItemId });
        builder.HasOne(a => a.ContentItem).WithMany().HasForeignKey(a => a.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Revision).WithMany().HasForeignKey(a => a.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}
