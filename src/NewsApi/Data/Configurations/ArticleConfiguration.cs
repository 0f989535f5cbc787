using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.Property(a => a.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.Property(a => a.Headline).HasMaxLength(ContentLimits.HeadlineLength);
        builder.Property(a => a.Standfirst).HasMaxLength(ContentLimits.StandfirstLength);
        builder.Property(a => a.Lang).HasMaxLength(ContentLimits.LangLength);
        builder.Property(a => a.SourceName).HasMaxLength(ContentLimits.NameLength);
        builder.Property(a => a.SourceUrl).HasMaxLength(ContentLimits.UrlLength);
        builder.Property(a => a.HeroImageUrl).HasMaxLength(ContentLimits.UrlLength);
        builder.Property(a => a.HeroImageCaption).HasMaxLength(ContentLimits.CaptionLength);
        builder.Property(a => a.HeroImageCredit).HasMaxLength(ContentLimits.NameLength);
        builder.Property(a => a.HeroImageAlt).HasMaxLength(ContentLimits.CaptionLength);
        builder.Property(a => a.CanonicalUrl).HasMaxLength(ContentLimits.UrlLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Body).HasConversion(ArticleBodyJson.Converter, ArticleBodyJson.Comparer);

        builder.HasIndex(a => a.Slug).IsUnique();

        // The public feed walks this index backwards by (published_at, id): the keyset cursor's shape.
        builder.HasIndex(a => new { a.Status, a.PublishedAt, a.Id })
            .IsDescending(false, true, true)
            .HasDatabaseName("ix_articles_feed");
        builder.HasIndex(a => new { a.SectionId, a.Status, a.PublishedAt, a.Id })
            .IsDescending(false, false, true, true)
            .HasDatabaseName("ix_articles_section_feed");
        builder.HasIndex(a => a.UpdatedAt);

        builder.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.SetNull);
    }
}
