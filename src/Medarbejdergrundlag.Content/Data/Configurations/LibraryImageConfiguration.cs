using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class LibraryImageConfiguration : IEntityTypeConfiguration<LibraryImage>
{
    public void Configure(EntityTypeBuilder<LibraryImage> builder)
    {
        builder.ToTable("Images");
        builder.Property(i => i.Hash).HasMaxLength(64);
        builder.HasIndex(i => i.Hash).IsUnique();
        builder.Property(i => i.AltDa).HasMaxLength(500);
        builder.Property(i => i.AltEn).HasMaxLength(500);
        builder.Property(i => i.SourceFormat).HasMaxLength(8);
        builder.Property(i => i.UploadedById).HasMaxLength(200);
        builder.Property(i => i.UploadedByName).HasMaxLength(200);
        // Deleting an image removes every size of it.
        builder.HasMany(i => i.Renditions).WithOne().HasForeignKey(r => r.ImageId).OnDelete(DeleteBehavior.Cascade);
    }
}
