namespace ImageLab.Core.Advice;

/// <summary>
/// Bytes of a known waste pattern (one of <see cref="Layers.WastePatternIds"/>) that the layer analysis measured in
/// the <c>docker history</c> row <see cref="LayerIndex"/> (<see cref="Experiments.LayerDetails.Index"/>, not the
/// analyzer's own layer index).
/// </summary>
public sealed record LayerWaste(int LayerIndex, string PatternId, long Bytes);
