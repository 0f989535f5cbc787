using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleSimilarityConfiguration : IEntityTypeConfiguration<ArticleSimilarity>
{
    public void Configure(EntityTypeBuilder<ArticleSimilarity> builder)
    {
        builder.ToTable("article_similarities");
        builder.HasKey(s => new { s.ArticleId, s.SimilarArticleId });

        // Recomputing an article removes the pairs naming it from the other side too.
        builder.HasIndex(s => s.SimilarArticleId);
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.SimilarArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
