using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class NotificationOutboxEntryConfiguration : IEntityTypeConfiguration<NotificationOutboxEntry>
{
    public void Configure(EntityTypeBuilder<NotificationOutboxEntry> builder)
    {
        builder.ToTable("NotificationOutbox");
        builder.Property(n => n.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Title).HasMaxLength(200);
        builder.Property(n => n.ChangeNote).HasMaxLength(500);
        builder.Property(n => n.EnglishTitle).HasMaxLength(200);
        builder.Property(n => n.EnglishChangeNote).HasMaxLength(500);
        builder.Property(n => n.LastError).HasMaxLength(500);
        // The dispatcher's question every few seconds: what is unsent and due?
        builder.HasIndex(n => new { n.SentAt, n.NextAttemptAt });

        // No foreign key: a notification that is under way outlives nothing it mentions, and carries its own text.
    }
}
