using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;

namespace ImageLab.Web.Components.Layout;

/// <summary>App bar, navigation and the theme: light or dark, remembered in the browser (else the system's choice).</summary>
public partial class MainLayout
{
    private bool _drawerOpen = true;
    private bool _isDarkMode;
    private ErrorBoundary? _errorBoundary;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnParametersSet() => _errorBoundary?.Recover();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            var dark = await JS.InvokeAsync<string?>("imageLab.getTheme") == "dark";
            if (dark != _isDarkMode)
            {
                _isDarkMode = dark;
                StateHasChanged();
            }
        }
        catch (JSException)
        {
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _isDarkMode = !_isDarkMode;
        try
        {
            await JS.InvokeVoidAsync("imageLab.setTheme", _isDarkMode ? "dark" : "light");
        }
        catch (JSException)
        {
        }
    }

    private void Recover()
    {
        _errorBoundary?.Recover();
        Navigation.Refresh();
    }
}
