using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>
/// The answer of <c>GET /api/compare?a=&amp;b=</c>: two iterations' images, their sizes, layers and files compared, and
/// <see cref="Blame"/>, why the size changed by step, package and kind (null when either analysis predates package
/// anatomy). Asked as <c>?experiment=</c>, A is the baseline experiment's iteration and B the experiment's final one,
/// as <see cref="Baseline"/> says.
/// </summary>
public sealed record ImageComparisonResponse(
    long A,
    long B,
    long TotalBytesA,
    long TotalBytesB,
    long DeltaBytes,
    long CompressedBytesA,
    long CompressedBytesB,
    long SharedLayerBytes,
    IReadOnlyList<LayerAlignment> Layers,
    FileSetResponse OnlyInA,
    FileSetResponse OnlyInB,
    ChangedFilesResponse Changed,
    SizeBlameResponse? Blame,
    BaselineComparison? Baseline = null);
