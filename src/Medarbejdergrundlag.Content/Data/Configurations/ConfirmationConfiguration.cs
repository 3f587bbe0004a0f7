using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ConfirmationConfiguration : IEntityTypeConfiguration<Confirmation>
{
    public void Configure(EntityTypeBuilder<Confirmation> builder)
    {
        builder.ToTable("Confirmations");
        builder.Property(c => c.SubjectId).HasMaxLength(200);
        builder.Property(c => c.Version).HasMaxLength(Confirmations.CharterVersion.MaxLength);
        builder.Property(c => c.Forvaltning).HasMaxLength(100);

        // The charter page asks "what did this reader confirm last?" on every view.
        builder.HasIndex(c => c.SubjectId);

        // The retention clean-up deletes by age.
        builder.HasIndex(c => c.ConfirmedAt);
    }
}
