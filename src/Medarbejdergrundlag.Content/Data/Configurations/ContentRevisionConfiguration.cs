using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(r => r.ChecksOverrideReason).HasMaxLength(500);
        // Added to a table that has rows: every existing revision is Danish.
        builder.Property(r => r.Language).HasMaxLength(5).HasDefaultValue(PortalCulture.DanishCode);
        builder.HasOne(r => r.TranslatedFrom).WithMany()
            .HasForeignKey(r => r.TranslatedFromRevisionId)
            .OnDelete(DeleteBehavior.Restrict);

        // The column names are the ones the first version gave these fields when they were columns of
        // the revision itself, so existing rows carry over as they are.
        builder.ComplexProperty(r => r.Bearing, bearing =>
        {
            bearing.Property(b => b.PointsMarkdown).HasColumnName("PointsMarkdown");
            bearing.Property(b => b.PointsHtml).HasColumnName("PointsHtml");
            bearing.Property(b => b.DialogQuestionsMarkdown).HasColumnName("DialogQuestionsMarkdown");
            bearing.Property(b => b.DialogQuestionsHtml).HasColumnName("DialogQuestionsHtml");
        });
        builder.ComplexProperty(r => r.Course, course =>
        {
            course.Property(c => c.Audience).HasColumnName("Audience").HasConversion<string>().HasMaxLength(20);
            course.Property(c => c.Forvaltning).HasColumnName("Forvaltning").HasConversion<string>().HasMaxLength(40);
            course.Property(c => c.LengthDays).HasColumnName("LengthDays").HasPrecision(4, 1);
            course.Property(c => c.BearingKeys).HasColumnName("BearingKeys").HasMaxLength(400)
                .HasConversion(
                    keys => string.Join(',', keys),
                    csv => csv.Split(',', StringSplitOptions.RemoveEmptyEntries),
                    new ValueComparer<IReadOnlyList<string>>(
                        (a, b) => a!.SequenceEqual(b!),
                        keys => keys.Aggregate(0, (hash, key) => HashCode.Combine(hash, key.GetHashCode(StringComparison.Ordinal))),
                        keys => keys.ToArray()));
            course.Property(c => c.SignUp).HasColumnName("SignUp").HasMaxLength(500);
        });
    }
}
