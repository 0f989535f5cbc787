using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(e => e.Operation).HasMaxLength(ContentLimits.NameLength);
        builder.Property(e => e.ActorName).HasMaxLength(ContentLimits.NameLength);
        builder.Property(e => e.ActorRole).HasMaxLength(ContentLimits.LangLength);
        builder.Property(e => e.TargetId).HasMaxLength(ContentLimits.NameLength);
        builder.Property(e => e.Outcome).HasMaxLength(ContentLimits.LangLength);
        builder.Property(e => e.Detail).HasMaxLength(ContentLimits.CaptionLength);

        // The log is read newest first, by keyset (at, id).
        builder.HasIndex(e => new { e.At, e.Id }).IsDescending(true, true);
    }
}
