using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Events;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.Type).HasMaxLength(OutboxMessage.TypeMaxLength).IsUnicode(false).IsRequired();
        // The payload is unbounded (nvarchar(max) on SQL Server), so it is never part of an index.
        message.Property(m => m.Payload).IsRequired();
        message.Property(m => m.LastError).HasMaxLength(OutboxMessage.LastErrorMaxLength);
        // The dispatcher looks for undelivered rows, oldest first.
        message.HasIndex(m => new { m.ProcessedAt, m.CreatedAt });
    }
}
