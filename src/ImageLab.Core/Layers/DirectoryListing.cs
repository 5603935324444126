namespace ImageLab.Core.Layers;

/// <summary>
/// One page of a directory's entries. <see cref="TotalCount"/> counts the entries that match the filter (all pages),
/// <see cref="SizeBytes"/> is the directory's recursive size.
/// </summary>
public sealed record DirectoryListing(
    string Path,
    long SizeBytes,
    int TotalCount,
    int Offset,
    IReadOnlyList<FileTreeEntry> Entries);
