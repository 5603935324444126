using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>"3 minutes ago", with the absolute UTC time on hover.</summary>
public partial class RelativeTime
{
    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Parameter]
    public DateTimeOffset At { get; set; }

    [Parameter]
    public string? Class { get; set; }
}
