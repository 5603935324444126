using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Contracts;

/// <summary>
/// The answer of <c>GET /api/iterations/{id}/packages</c>: the image's bytes (uncompressed, every layer's files,
/// overwritten copies included) by package, one page of <see cref="Packages"/> after the filters, with
/// <see cref="TotalCount"/> the matching packages on all pages; and, unpaged, the bytes no package owns by top folder
/// and the bytes by kind. <see cref="PackageBytes"/> + <see cref="UnownedBytes"/> = <see cref="TotalBytes"/>, and so do
/// the kinds' bytes: a file's ELF debug sections count as debug info, the rest of it as its path's kind.
/// <see cref="DebugSectionsRead"/> is false when a layer was analyzed before ImageLab read ELF sections: debug info
/// then counts only separate debug files (<c>/usr/lib/debug</c>, <c>*.debug</c>).
/// </summary>
public sealed record PackagesResponse(
    long IterationId,
    long TotalBytes,
    long PackageBytes,
    long UnownedBytes,
    int TotalCount,
    int Offset,
    int Limit,
    IReadOnlyList<PackageResponse> Packages,
    IReadOnlyList<FolderBytes> Unowned,
    IReadOnlyList<KindBytes> Kinds,
    bool DebugSectionsRead = true);
