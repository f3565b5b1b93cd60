using Microsoft.EntityFrameworkCore;
using NewsroomEditor.Core.Data;

namespace NewsroomEditor.Core.Accounts;

/// <summary>Role names of every account in one query, for the lists of people (not one query per person).</summary>
internal static class UserRoleQueries
{
    public static async Task<ILookup<string, string>> RoleNamesByUserAsync(this NewsroomDbContext db, CancellationToken cancellationToken)
    {
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return roles.ToLookup(r => r.UserId, r => r.Name!);
    }
}
