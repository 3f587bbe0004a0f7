using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Subject).HasMaxLength(200);
        builder.Property(s => s.Issuer).HasMaxLength(200);
        builder.Property(s => s.ProviderSessionId).HasMaxLength(200);
        builder.Property(s => s.DisplayName).HasMaxLength(200);
        builder.Property(s => s.UserAgent).HasMaxLength(300);
        builder.HasIndex(s => s.Subject);
        builder.HasIndex(s => s.ProviderSessionId);

        // Every instance asks "which sessions ended since I last looked?" once a second.
        builder.HasIndex(s => s.EndedAt);
    }
}
