namespace ImageLab.Web.ViewModels;

/// <summary>A labelled tick of a chart axis, at a position in SVG coordinates.</summary>
public sealed record AxisTick(double Position, string Label);
