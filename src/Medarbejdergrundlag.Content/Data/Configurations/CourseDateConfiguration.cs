using Medarbejdergrundlag.Content.Courses;
using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class CourseDateConfiguration : IEntityTypeConfiguration<CourseDate>
{
    public void Configure(EntityTypeBuilder<CourseDate> builder)
    {
        builder.ToTable("CourseDates");
        builder.Property(d => d.Location).HasMaxLength(200);
        // Stored as "2027-03-24,2027-03-25", as a revision's bearing keys are: the same on every provider.
        builder.Property(d => d.Days).HasMaxLength(400)
            .HasConversion(
                days => CourseSessions.FormatStored(days),
                text => CourseSessions.ParseStored(text),
                new ValueComparer<IReadOnlyList<DateOnly>>(
                    (a, b) => a!.SequenceEqual(b!),
                    days => days.Aggregate(0, (hash, day) => HashCode.Combine(hash, day.GetHashCode())),
                    days => days.ToArray()));
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.Ignore(d => d.IsFull);
        builder.HasIndex(d => new { d.ContentItemId, d.StartsAt });
        builder.HasOne(d => d.ContentItem).WithMany()
            .HasForeignKey(d => d.ContentItemId)
            .OnDelete(DeleteBehavior.Restrict);
    }
}
