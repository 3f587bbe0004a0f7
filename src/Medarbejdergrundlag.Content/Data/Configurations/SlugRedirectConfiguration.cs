using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class SlugRedirectConfiguration : IEntityTypeConfiguration<SlugRedirect>
{
    public void Configure(EntityTypeBuilder<SlugRedirect> builder)
    {
        builder.ToTable("SlugRedirects");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.Slug).HasMaxLength(100);
        builder.HasIndex(r => new { r.Kind, r.Slug }).IsUnique();
        builder.HasOne(r => r.ContentItem).WithMany()
            .HasForeignKey(r => r.ContentItemId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
