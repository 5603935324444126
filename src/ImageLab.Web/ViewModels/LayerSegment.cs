using ImageLab.Core.Experiments;

namespace ImageLab.Web.ViewModels;

/// <summary>One layer's slice of a stacked size bar: its width in percent of the scale and the shade to draw it in.</summary>
public sealed record LayerSegment(LayerDetails Layer, double WidthPercent, bool IsBase, int Shade, bool IsLargestOwn, string Title);
