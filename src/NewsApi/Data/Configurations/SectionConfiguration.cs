using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.ToTable("sections");
        builder.Property(s => s.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(s => s.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(s => s.NameEn).HasMaxLength(ContentLimits.NameLength);
        builder.Property(s => s.Description).HasMaxLength(ContentLimits.DescriptionLength);
        builder.HasIndex(s => s.Slug).IsUnique();
    }
}
