namespace NewsroomEditor.Web.Components;

/// <summary>
/// Addresses of the editing UI that code (not only links) needs. The site's root belongs to
/// readers (the public home page), so the newsroom's own home is <see cref="Dashboard"/>.
/// </summary>
public static class NewsroomRoutes
{
    public const string Dashboard = "newsroom";
}
