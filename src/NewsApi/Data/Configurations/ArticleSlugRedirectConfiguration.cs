using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> builder)
    {
        builder.ToTable("article_slug_redirects");

        // The slug is the key: one old slug names one article, and the look-up by slug is the primary key's.
        builder.HasKey(r => r.Slug);
        builder.Property(r => r.Slug).HasMaxLength(ContentLimits.SlugLength);
        builder.HasIndex(r => r.ArticleId);
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
