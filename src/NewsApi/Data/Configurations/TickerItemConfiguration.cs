using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class TickerItemConfiguration : IEntityTypeConfiguration<TickerItem>
{
    public void Configure(EntityTypeBuilder<TickerItem> builder)
    {
        builder.ToTable("ticker_items", t => t.HasCheckConstraint("ck_ticker_items_window", "expires_at IS NULL OR expires_at > starts_at"));
        builder.Property(t => t.Headline).HasMaxLength(ContentLimits.HeadlineLength);
        builder.Property(t => t.Excerpt).HasMaxLength(ContentLimits.ExcerptLength);
        builder.Property(t => t.Lang).HasMaxLength(ContentLimits.LangLength);
        builder.Property(t => t.Version).IsConcurrencyToken();

        // The active window: started, not yet expired.
        builder.HasIndex(t => new { t.StartsAt, t.ExpiresAt }).HasDatabaseName("ix_ticker_items_window");

        builder.HasOne(t => t.Article).WithMany().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
