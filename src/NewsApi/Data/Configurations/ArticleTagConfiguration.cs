using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.ToTable("article_tags");
        builder.HasKey(at => new { at.ArticleId, at.TagId });

        // Tag pages go from a tag to its articles: the reverse of the primary key.
        builder.HasIndex(at => new { at.TagId, at.ArticleId });

        builder.HasOne(at => at.Article).WithMany(a => a.Tags).HasForeignKey(at => at.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(at => at.Tag).WithMany(t => t.Articles).HasForeignKey(at => at.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
