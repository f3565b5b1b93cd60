using Microsoft.AspNetCore.Identity;

namespace NewsroomEditor.Core.Accounts;

/// <summary>A person who works in the newsroom. Readers of the public site have no account.</summary>
public class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>The name shown in the UI and used as the default byline, e.g. "Hoàng Lan".</summary>
    public string DisplayName { get; set; } = "";
}
