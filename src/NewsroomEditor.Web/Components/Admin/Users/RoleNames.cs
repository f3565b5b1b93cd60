using Microsoft.Extensions.Localization;
using NewsroomEditor.Core.Accounts;

namespace NewsroomEditor.Web.Components.Admin.Users;

/// <summary>
/// The roles as people read them in the interface language. The stored names
/// (<see cref="Roles"/>: Reporter, Editor, Admin) stay as they are: they are the claims and
/// policies' values, and the e2e tests find the boxes by them.
/// </summary>
public static class RoleNames
{
    public static string Of(string role, IStringLocalizer<AdminText> L)
    {
        ArgumentNullException.ThrowIfNull(L);
        return role switch
        {
            Roles.Reporter => L["Reporter"],
            Roles.Editor => L["Editor"],
            Roles.Admin => L["Admin"],
            _ => role,
        };
    }

    /// <summary>Several roles in one cell: "Reporter, Editor".</summary>
    public static string Join(IEnumerable<string> roles, IStringLocalizer<AdminText> L) =>
        string.Join(", ", roles.Select(role => Of(role, L)));
}
