using Medarbejdergrundlag.Content.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Medarbejdergrundlag.Content.Data.Configurations;

internal sealed class UsedLogoutTokenConfiguration : IEntityTypeConfiguration<UsedLogoutToken>
{
    public void Configure(EntityTypeBuilder<UsedLogoutToken> builder)
    {
        builder.ToTable("UsedLogoutTokens");
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
