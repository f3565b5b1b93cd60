using NewsroomEditor.Core.Accounts;
using NewsroomEditor.Core.Audit;

namespace NewsroomEditor.Web.Components.Account;

/// <summary>What a person does to their own account, in the audit log: who, to which account, what.</summary>
internal static class AccountAudit
{
    public static Task RecordOwnAsync(this IAuditLog audit, ApplicationUser user, string action, string details)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(user);
        return audit.RecordAsync(new AuditRecord(action, user.Id, user.DisplayName, $"user:{user.Id}", details));
    }
}
