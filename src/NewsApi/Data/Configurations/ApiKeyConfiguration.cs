using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public const int HashLength = 64;
    public const int PrefixLength = 12;
    public const int AllowedOriginsLength = 2000;

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Property(k => k.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(k => k.KeyHash).HasMaxLength(HashLength);
        builder.Property(k => k.Prefix).HasMaxLength(PrefixLength);
        builder.Property(k => k.AllowedOrigins).HasMaxLength(AllowedOriginsLength);
        builder.HasIndex(k => k.KeyHash).IsUnique();

        // A revoked name may be given to a new key; two live keys never share one, so `keys revoke --name` is unambiguous.
        builder.HasIndex(k => k.Name).IsUnique().HasFilter("revoked_at IS NULL");
    }
}
