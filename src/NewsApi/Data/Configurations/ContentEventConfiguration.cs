using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class ContentEventConfiguration : IEntityTypeConfiguration<ContentEvent>
{
    public void Configure(EntityTypeBuilder<ContentEvent> builder)
    {
        builder.ToTable("content_events");
        builder.HasIndex(e => new { e.Kind, e.EntityId });
    }
}
