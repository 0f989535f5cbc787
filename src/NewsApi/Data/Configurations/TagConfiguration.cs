using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.Property(t => t.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(t => t.Name).HasMaxLength(ContentLimits.NameLength);
        builder.Property(t => t.NameEn).HasMaxLength(ContentLimits.NameLength);
        builder.Property(t => t.Description).HasMaxLength(ContentLimits.DescriptionLength);
        // Written only by the database's triggers on article_tags: EF never sends it on update.
        builder.Property(t => t.ArticleCount).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => new { t.Kind, t.Name });
    }
}
