using ImageLab.Core.Experiments;

namespace ImageLab.Web.ViewModels;

/// <summary>One point of the trend chart in SVG coordinates, with what its hover says.</summary>
public sealed record TrendMarker(double X, double Y, TrendPoint Point, string Title);
