using ImageLab.Core.Contracts;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Pages.Analysis;

/// <summary>
/// Packages by bytes: name, manager, version, bytes and share of the image, the layer that installed it and, for
/// Debian packages, why apt did; a name drills to the package's files.
/// </summary>
public partial class PackageTable
{
    [Parameter, EditorRequired]
    public IReadOnlyList<PackageResponse> Packages { get; set; } = [];

    /// <summary>The image's bytes, that shares are of.</summary>
    [Parameter, EditorRequired]
    public long TotalBytes { get; set; }

    [Parameter]
    public PackageResponse? Selected { get; set; }

    [Parameter]
    public EventCallback<PackageResponse> OnSelect { get; set; }

    // The bars are scaled to the largest package, so that the small ones stay visible.
    private long LargestBytes => Packages.Count == 0 ? 0 : Packages.Max(package => package.Bytes);

    private bool IsSelected(PackageResponse package) =>
        Selected is { } selected && selected.Manager == package.Manager && selected.Name == package.Name && selected.Location == package.Location;
}
