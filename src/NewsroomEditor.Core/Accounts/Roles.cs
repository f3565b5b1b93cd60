namespace NewsroomEditor.Core.Accounts;

/// <summary>The newsroom's roles (DESIGN.md §1). A person may hold several.</summary>
public static class Roles
{
    public const string Reporter = "Reporter";
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Reporter, Editor, Admin];
}
