using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Audit;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Action).HasMaxLength(AuditEntry.ActionMaxLength).IsUnicode(false).IsRequired();
        // No foreign key to the user: the log outlives accounts and keeps the name as it was then.
        entry.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorIdMaxLength);
        entry.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        entry.Property(e => e.Target).HasMaxLength(AuditEntry.TargetMaxLength);
        entry.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength).IsRequired();
        entry.Property(e => e.IpAddress).HasMaxLength(AuditEntry.IpAddressMaxLength).IsUnicode(false);

        // The page lists newest first, by person or by action within a time range.
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.ActorId, e.At });
        entry.HasIndex(e => new { e.Action, e.At });
    }
}
