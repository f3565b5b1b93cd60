using MudBlazor;

namespace NewsroomEditor.Web.Components.Layout;

/// <summary>The editing UI's colours, light and dark.</summary>
internal static class NewsroomTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9c1c1c",
            AppbarBackground = "#9c1c1c",
            Secondary = "#1f4e79",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ef7a7a",
            Secondary = "#7fb2e5",
        },
    };
}
