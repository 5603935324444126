namespace ImageLab.Core.Layers;

/// <summary>
/// A known pattern of waste found in a layer: <see cref="PatternId"/> is one of <see cref="WastePatternIds"/>,
/// <see cref="Bytes"/> the bytes at stake in layer <see cref="LayerIndex"/>.
/// </summary>
public sealed record WasteFinding(
    string PatternId,
    string Message,
    long Bytes,
    int LayerIndex,
    IReadOnlyList<string> ExamplePaths);
