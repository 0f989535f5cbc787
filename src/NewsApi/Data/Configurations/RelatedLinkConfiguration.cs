using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class RelatedLinkConfiguration : IEntityTypeConfiguration<RelatedLink>
{
    public void Configure(EntityTypeBuilder<RelatedLink> builder)
    {
        builder.ToTable("related_links", t => t.HasCheckConstraint("ck_related_links_not_self", "from_article_id <> to_article_id"));
        builder.HasIndex(r => new { r.FromArticleId, r.ToArticleId }).IsUnique();
        builder.HasIndex(r => new { r.FromArticleId, r.Position });
        builder.HasIndex(r => r.ToArticleId);

        builder.HasOne(r => r.FromArticle).WithMany(a => a.RelatedLinks).HasForeignKey(r => r.FromArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.ToArticle).WithMany().HasForeignKey(r => r.ToArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
