namespace NewsroomEditor.Core.Accounts;

/// <summary>
/// Settings under <c>Seed</c>: an unattended deployment names its first Admin here instead of
/// using the <c>/setup</c> page. Read only while no user exists.
/// </summary>
public sealed class SeedOptions
{
    public const string SectionName = "Seed";

    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string AdminDisplayName { get; set; } = "Administrator";
}
