using MudBlazor;

namespace NewsroomEditor.Web.Components.Layout;

/// <summary>
/// The editing UI's colours, light and dark. The status colours are darker than MudBlazor's defaults
/// so that white text on a filled chip or button, and coloured text on white, reach WCAG AA's 4.5:1
/// (axe's color-contrast rule in the browser tests): error 6.5, success 5.1, info 5.8, warning 5.2.
/// </summary>
internal static class NewsroomTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9c1c1c",
            AppbarBackground = "#9c1c1c",
            Secondary = "#1f4e79",
            Error = "#b3261e",
            Success = "#2e7d32",
            Info = "#1565c0",
            Warning = "#a15c00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ef7a7a",
            Secondary = "#7fb2e5",
        },
    };
}
