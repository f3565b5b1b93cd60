namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Settings under <c>Security</c>: how sign-in defends itself. Read and checked at start-up by
/// <see cref="AccountsHostingExtensions"/>; a wrong value stops the app with a message naming it.
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Failed sign-in attempts in a row (password or code) that lock an account.</summary>
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Comma list of roles that must use an authenticator app, e.g. "Admin,Editor"; empty: none must.</summary>
    public string RequireTwoFactorFor { get; set; } = "";

    /// <summary>The roles of <see cref="RequireTwoFactorFor"/>, spelled as <see cref="Roles"/> spells them.</summary>
    public IReadOnlyList<string> RolesRequiringTwoFactor => ReadRoles().Roles;

    /// <summary>What is wrong with the values, naming the setting; null when they are right.</summary>
    internal string? Problem()
    {
        if (LockoutAttempts <= 0)
            return $"Security:LockoutAttempts is {LockoutAttempts}; it must be a positive number.";
        if (LockoutMinutes <= 0)
            return $"Security:LockoutMinutes is {LockoutMinutes}; it must be a positive number of minutes.";
        return ReadRoles().Unknown is { } name
            ? $"Security:RequireTwoFactorFor names '{name}', which is not a role; use {string.Join(", ", Roles.All)}."
            : null;
    }

    private (List<string> Roles, string? Unknown) ReadRoles()
    {
        var roles = new List<string>();
        foreach (var name in (RequireTwoFactorFor ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
            if (role is null)
                return (roles, name);
            if (!roles.Contains(role))
                roles.Add(role);
        }
        return (roles, null);
    }
}
