using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Contracts;

/// <summary>
/// Why B's image differs from A's, in uncompressed bytes: the top causes by step (each with the folder or package
/// that explains it; they do not overlap), then the changes by package and by kind, largest first.
/// </summary>
public sealed record SizeBlameResponse(
    long DeltaBytes,
    IReadOnlyList<SizeCause> TopCauses,
    IReadOnlyList<SizeCause> ByPackage,
    IReadOnlyList<SizeCause> ByKind);
