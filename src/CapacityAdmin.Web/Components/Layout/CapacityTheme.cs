using MudBlazor;

namespace CapacityAdmin.Web.Components.Layout;

/// <summary>The MudBlazor theme: the brand colours, chosen for WCAG AA contrast on white.</summary>
public static class CapacityTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5b3f8c",
            AppbarBackground = "#1f4e79",
            AppbarText = "#ffffff",
            Info = "#0b5cad",
            Success = "#1e6b34",
            Warning = "#8a5a00",
            Error = "#b3261e",
        },
    };
}
