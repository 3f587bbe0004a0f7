using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class CalendarFeedOwnerConfiguration : IEntityTypeConfiguration<CalendarFeedOwner>
{
    public void Configure(EntityTypeBuilder<CalendarFeedOwner> builder)
    {
        builder.ToTable("CalendarFeedOwners");
        builder.HasKey(o => o.Subject);
        builder.Property(o => o.Subject).HasMaxLength(200);
    }
}
