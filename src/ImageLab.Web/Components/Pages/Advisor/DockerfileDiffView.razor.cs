using ImageLab.Core.Advice;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Advisor;

/// <summary>
/// Two iterations' Dockerfiles side by side, instruction by instruction: changed, added and removed instructions
/// highlighted, with the size of the layers each produced and the change.
/// </summary>
public partial class DockerfileDiffView
{
    [Parameter, EditorRequired]
    public IterationChange Change { get; set; } = default!;

    [Parameter]
    public string BeforeTitle { get; set; } = "Before";

    [Parameter]
    public string AfterTitle { get; set; } = "After";

    private static string DeltaClass(long delta) => delta < 0 ? "imagelab-smaller" : delta > 0 ? "imagelab-larger" : "";
}
