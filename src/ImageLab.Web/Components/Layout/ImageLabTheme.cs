using MudBlazor;

namespace ImageLab.Web.Components.Layout;

/// <summary>ImageLab's colours: a calm blue for own layers, grey for base-image layers, green for savings.</summary>
public static class ImageLabTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6feb",
            Secondary = "#6e7781",
            Success = "#1a7f37",
            Info = "#0969da",
            Warning = "#9a6700",
            Error = "#cf222e",
            AppbarBackground = "#0d1b2a",
            AppbarText = "#e6edf3",
            Background = "#f6f8fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            LinesDefault = "#d8dee4",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#58a6ff",
            Secondary = "#8b949e",
            Success = "#3fb950",
            Info = "#58a6ff",
            Warning = "#d29922",
            Error = "#f85149",
            AppbarBackground = "#010409",
            Background = "#0d1117",
            Surface = "#161b22",
            DrawerBackground = "#0d1117",
            LinesDefault = "#30363d",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
