using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Accounts.Sessions;

namespace NewsroomEditor.Core.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("UserSessions");
        session.HasKey(s => s.Key);
        session.Property(s => s.Key).HasMaxLength(UserSession.KeyMaxLength).IsUnicode(false);
        session.Property(s => s.UserId).HasMaxLength(UserSession.UserIdMaxLength).IsRequired();
        session.Property(s => s.Ticket).IsRequired();
        // Ending every session of a person deletes by user; the clean-up deletes by expiry.
        session.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresAt);
    }
}
