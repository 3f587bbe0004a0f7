using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class PageViewCountConfiguration : IEntityTypeConfiguration<PageViewCount>
{
    public void Configure(EntityTypeBuilder<PageViewCount> builder)
    {
        builder.ToTable("PageViewCounts");
        builder.HasKey(c => new { c.Path, c.Day, c.Monthly });
        builder.Property(c => c.Path).HasMaxLength(200);
    }
}

internal sealed class SearchCountConfiguration : IEntityTypeConfiguration<SearchCount>
{
    public void Configure(EntityTypeBuilder<SearchCount> builder)
    {
        builder.ToTable("SearchCounts");
        builder.HasKey(c => new { c.Query, c.Day, c.Monthly });
        builder.Property(c => c.Query).HasMaxLength(100);
    }
}

internal sealed class SearchClickCountConfiguration : IEntityTypeConfiguration<SearchClickCount>
{
    public void Configure(EntityTypeBuilder<SearchClickCount> builder)
    {
        builder.ToTable("SearchClickCounts");
        builder.HasKey(c => new { c.Query, c.Day, c.Monthly, c.Position });
        builder.Property(c => c.Query).HasMaxLength(100);
    }
}
