using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ImageRenditionConfiguration : IEntityTypeConfiguration<ImageRendition>
{
    public void Configure(EntityTypeBuilder<ImageRendition> builder)
    {
        builder.ToTable("ImageRenditions");
        builder.Property(r => r.Format).HasMaxLength(8);
        builder.HasIndex(r => new { r.ImageId, r.Width, r.Format }).IsUnique();
    }
}
