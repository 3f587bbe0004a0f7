using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ContentVersionStampConfiguration : IEntityTypeConfiguration<ContentVersionStamp>
{
    public void Configure(EntityTypeBuilder<ContentVersionStamp> builder)
    {
        builder.ToTable("ContentVersion");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new ContentVersionStamp { Id = ContentVersionStamp.SingletonId, Value = 0 });
    }
}
