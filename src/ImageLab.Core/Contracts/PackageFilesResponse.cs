using ImageLab.Core.Anatomy;

namespace ImageLab.Core.Contracts;

/// <summary>
/// The answer of <c>GET /api/iterations/{id}/packages/files</c>: one page of the files a package owns (or, with
/// <c>folder</c>, the unowned files under a top folder; with <c>kind</c>, the files with bytes of that kind), largest
/// first, in every layer that wrote them. Each file's <c>bytes</c> is its whole size; for a kind, <see cref="Bytes"/>
/// and the order count only its bytes of that kind: for debug info a program's <c>debugSectionBytes</c> (its ELF
/// <c>.debug*</c> sections), for its path's kind the rest of it.
/// </summary>
public sealed record PackageFilesResponse(long IterationId, string Subject, long Bytes, int TotalCount, int Offset, int Limit, IReadOnlyList<AttributedFile> Files);
