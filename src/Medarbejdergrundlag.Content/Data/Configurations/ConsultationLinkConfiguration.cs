using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ConsultationLinkConfiguration : IEntityTypeConfiguration<ConsultationLink>
{
    public void Configure(EntityTypeBuilder<ConsultationLink> builder)
    {
        builder.ToTable("ConsultationLinks");
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.ContentItemId);
        builder.Property(l => l.CreatedBy).HasMaxLength(200);
        builder.Property(l => l.CreatedById).HasMaxLength(200);
        builder.Property(l => l.RevokedBy).HasMaxLength(200);
        builder.HasOne(l => l.ContentItem).WithMany().HasForeignKey(l => l.ContentItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Revision).WithMany().HasForeignKey(l => l.RevisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Entries).WithOne(e => e.Link).HasForeignKey(e => e.ConsultationLinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
