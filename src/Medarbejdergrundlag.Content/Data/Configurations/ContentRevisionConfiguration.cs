using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.ToTable("ContentRevisions");
        builder.HasIndex(r => new { r.ContentItemId, r.Number }).IsUnique();
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Slug).HasMaxLength(100);
        builder.Property(r => r.LeadMarkdown).HasMaxLength(1000);
        builder.Property(r => r.LeadHtml).HasMaxLength(4000);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.Property(r => r.CreatedById).HasMaxLength(200);
        builder.Property(r => r.ChangeNote).HasMaxLength(500);
        builder.Property(r => r.Audience).HasMaxLength(20);
        builder.Property(r => r.Forvaltning).HasMaxLength(40);
        builder.Property(r => r.LengthDays).HasPrecision(4, 1);
        builder.Property(r => r.BearingKeys).HasMaxLength(400);
        builder.Property(r => r.SignUp).HasMaxLength(500);
        builder.Ignore(r => r.Points);
        // Added to a table that has rows (migration 20261122120000), so the columns need a default.
        builder.Property(r => r.DialogQuestionsMarkdown).HasDefaultValue("");
        builder.Property(r => r.DialogQuestionsHtml).HasDefaultValue("");
        builder.Ignore(r => r.DialogQuestions);
    }
}
