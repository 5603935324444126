using ImageLab.Core.Layers;

namespace ImageLab.Core.Contracts;

/// <summary>
/// The answer of <c>GET /api/iterations/{id}/files</c>: one page of a directory of the image's tree after <see cref="Layer"/>.
/// <see cref="TotalCount"/> counts the entries that match the filter (all pages), <see cref="SizeBytes"/> is the directory's recursive size.
/// </summary>
public sealed record DirectoryListingResponse(
    long IterationId, int Layer, string Path, long SizeBytes, int TotalCount, int Offset, int Limit, IReadOnlyList<FileTreeEntry> Entries);
