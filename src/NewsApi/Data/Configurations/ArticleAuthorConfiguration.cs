using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleAuthorConfiguration : IEntityTypeConfiguration<ArticleAuthor>
{
    public void Configure(EntityTypeBuilder<ArticleAuthor> builder)
    {
        builder.ToTable("article_authors");
        builder.HasKey(aa => new { aa.ArticleId, aa.AuthorId });
        builder.HasIndex(aa => new { aa.AuthorId, aa.ArticleId });

        builder.HasOne(aa => aa.Article).WithMany(a => a.Authors).HasForeignKey(aa => aa.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(aa => aa.Author).WithMany().HasForeignKey(aa => aa.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
