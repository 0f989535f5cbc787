using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleSearchDocumentConfiguration : IEntityTypeConfiguration<ArticleSearchDocument>
{
    public void Configure(EntityTypeBuilder<ArticleSearchDocument> builder)
    {
        // The stores' own indexes over these columns (tsvector + GIN, FTS5 + triggers) are created by raw SQL in
        // each store's migration: EF Core models neither.
        builder.ToTable("article_search");
        builder.HasKey(d => d.ArticleId);
        builder.Property(d => d.ArticleId).ValueGeneratedNever();
        builder.HasOne(d => d.Article).WithOne().HasForeignKey<ArticleSearchDocument>(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);

        // The documents whose "similar text" suggestions are out of date: a handful at any time, looked for every
        // half minute by SimilarTextIndexer. Without it each look read the whole table (a second at a million articles).
        builder.HasIndex(d => d.ArticleId, "ix_article_search_similar_stale").HasDatabaseName("ix_article_search_similar_stale").HasFilter("similar_stale");
    }
}
