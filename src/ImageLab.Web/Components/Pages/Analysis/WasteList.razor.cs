using ImageLab.Core.Contracts;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>An image's waste: the named patterns with their reasons and bytes, and waste, push size and deletions per layer.</summary>
public partial class WasteList
{
    [Parameter, EditorRequired]
    public StoredAnalysis Analysis { get; set; } = null!;
}
