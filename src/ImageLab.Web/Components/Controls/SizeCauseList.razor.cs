using ImageLab.Core.Anatomy;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>Causes of a size change, one line each in the order given: the signed bytes, then the step, package or kind and what changed in it.</summary>
public partial class SizeCauseList
{
    [Parameter, EditorRequired]
    public IReadOnlyList<SizeCause> Causes { get; set; } = [];
}
