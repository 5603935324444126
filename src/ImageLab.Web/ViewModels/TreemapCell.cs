namespace ImageLab.Web.ViewModels;

/// <summary>One rectangle of a treemap, in the coordinates of the area it was laid out in.</summary>
public sealed record TreemapCell<T>(T Item, double Weight, double X, double Y, double Width, double Height);
