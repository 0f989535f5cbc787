using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> builder)
    {
        builder.ToTable("authors");
        builder.Property(a => a.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(a => a.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(a => a.NameEn).HasMaxLength(ContentLimits.NameLength);
        builder.Property(a => a.Description).HasMaxLength(ContentLimits.DescriptionLength);
        builder.HasIndex(a => a.Slug).IsUnique();
    }
}
