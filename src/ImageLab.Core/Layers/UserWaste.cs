namespace ImageLab.Core.Layers;

/// <summary>
/// Waste in the image's own layers (index at least <see cref="FirstOwnLayerIndex"/>): bytes of copies those layers
/// wrote that do not survive, and their share of the bytes those layers hold.
/// </summary>
public sealed record UserWaste(int FirstOwnLayerIndex, long WastedBytes, long OwnLayerBytes, double WastedPercent);
