using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.ToTable("article_tags");
        builder.HasKey(at => new { at.ArticleId, at.TagId });

        // The database's triggers own the copies: an update from a tracked row never overwrites them.
        builder.Property(at => at.Status).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(at => at.PublishedAt).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(at => at.ShowInRelated).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);

        // Tag pages go from a tag to its articles: the reverse of the primary key.
        builder.HasIndex(at => new { at.TagId, at.ArticleId });

        // The tag page and related-story candidates: a tag's published articles newest first, without touching
        // articles (show_in_related rides along for the candidates). The predicate is the literal value of
        // ArticleStatus.Published on both stores.
        builder.HasIndex(at => new { at.TagId, at.PublishedAt, at.ArticleId, at.ShowInRelated })
            .IsDescending(false, true, true, false)
            .HasFilter("status = 2")
            .HasDatabaseName("ix_article_tags_published");

        builder.HasOne(at => at.Article).WithMany(a => a.Tags).HasForeignKey(at => at.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(at => at.Tag).WithMany(t => t.Articles).HasForeignKey(at => at.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
