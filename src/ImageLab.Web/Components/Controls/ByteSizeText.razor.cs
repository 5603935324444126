using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// A human size (329 MB) with the exact byte count on hover and in <c>data-bytes</c>; when the layer analysis has
/// estimated it, the push size (compressed, as a registry stores it) follows it, so compressed always stands next to uncompressed.
/// </summary>
public partial class ByteSizeText
{
    [Parameter]
    public long? Bytes { get; set; }

    /// <summary>The push size of the same bytes (what a registry stores), when known.</summary>
    [Parameter]
    public long? Compressed { get; set; }

    /// <summary>Puts the push size on a line of its own under the size (in table cells and narrow columns).</summary>
    [Parameter]
    public bool Stacked { get; set; }

    [Parameter]
    public string? Class { get; set; }
}
