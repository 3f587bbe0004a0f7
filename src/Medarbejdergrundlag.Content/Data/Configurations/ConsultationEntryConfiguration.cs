using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ConsultationEntryConfiguration : IEntityTypeConfiguration<ConsultationEntry>
{
    public void Configure(EntityTypeBuilder<ConsultationEntry> builder)
    {
        builder.ToTable("ConsultationEntries");
        builder.Property(e => e.ReaderId).HasMaxLength(200);
        builder.Property(e => e.ReaderName).HasMaxLength(200);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasIndex(e => e.ConsultationLinkId);
    }
}
