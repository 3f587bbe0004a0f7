using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Key).HasMaxLength(100);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => new { i.Kind, i.SortOrder });
        builder.Property(i => i.UpdatedBy).HasMaxLength(200);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.HasUnpublishedChanges);
        builder.Property(i => i.OwnerId).HasMaxLength(200);
        builder.Property(i => i.OwnerName).HasMaxLength(200);
        builder.Property(i => i.LastReviewedBy).HasMaxLength(200);

        builder.HasMany(i => i.Revisions)
            .WithOne(r => r.ContentItem)
            .HasForeignKey(r => r.ContentItemId)
            .OnDelete(DeleteBehavior.Restrict);

        // Pointers to a revision; the revision rows themselves are owned by the relationship above.
        builder.HasOne(i => i.PublishedRevision).WithMany()
            .HasForeignKey(i => i.PublishedRevisionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.CurrentRevision).WithMany()
            .HasForeignKey(i => i.CurrentRevisionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.PublishedEnglishRevision).WithMany()
            .HasForeignKey(i => i.PublishedEnglishRevisionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.CurrentEnglishRevision).WithMany()
            .HasForeignKey(i => i.CurrentEnglishRevisionId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
