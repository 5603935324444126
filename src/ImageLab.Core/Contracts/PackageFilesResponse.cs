using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Contracts;

/// <summary>
/// The answer of <c>GET /api/iterations/{id}/packages/files</c>: one page of the files a package owns (or, with
/// <c>folder</c>, the unowned files under a top folder), largest first, in every layer that wrote them.
/// </summary>
public sealed record PackageFilesResponse(long IterationId, string Subject, long Bytes, int TotalCount, int Offset, int Limit, IReadOnlyList<AttributedFile> Files);
