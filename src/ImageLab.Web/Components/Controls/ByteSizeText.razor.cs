using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>A human size (329 MB) with the exact byte count on hover and in <c>data-bytes</c>.</summary>
public partial class ByteSizeText
{
    [Parameter]
    public long? Bytes { get; set; }

    [Parameter]
    public string? Class { get; set; }
}
