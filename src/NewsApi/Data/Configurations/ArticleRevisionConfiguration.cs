using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.ToTable("article_revisions");
        builder.Property(r => r.Operation).HasMaxLength(ContentLimits.NameLength);
        builder.Property(r => r.ActorName).HasMaxLength(ContentLimits.NameLength);
        builder.Property(r => r.ActorRole).HasMaxLength(ContentLimits.LangLength);
        builder.HasIndex(r => new { r.ArticleId, r.Version });
        builder.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
