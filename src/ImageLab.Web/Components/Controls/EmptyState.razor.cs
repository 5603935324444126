using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>What a page shows when there is nothing yet: what is missing and what to do about it.</summary>
public partial class EmptyState
{
    [Parameter]
    public string Icon { get; set; } = MudBlazor.Icons.Material.Outlined.Inbox;

    [Parameter]
    public string Title { get; set; } = "";

    [Parameter]
    public string? Text { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }
}
