namespace ImageLab.Core.Layers;

/// <summary>
/// One entry of a layer tar, normalised: <see cref="Path"/> is absolute ("/usr/bin/env"), whiteouts carry the path
/// they delete, and <see cref="SizeBytes"/> is what the entry weighs in the image: a file's content, a symbolic link's
/// target (as graph drivers count it), 0 for directories, hard links and markers.
/// <see cref="ModifiedUnixSeconds"/> is the tar header's mtime: a chmod or chown keeps it, a rewrite changes it.
/// </summary>
public readonly record struct LayerEntry(
    string Path,
    LayerEntryKind Kind,
    long SizeBytes,
    string? LinkTarget = null,
    long ModifiedUnixSeconds = 0)
{
    /// <summary>
    /// What an entry weighs in ImageLab's image size, as graph drivers such as overlay2 count it: a regular file's
    /// content, a symbolic link's target (in UTF-8 bytes), nothing for directories, hard links, devices and markers.
    /// </summary>
    public static long SizeInImage(LayerEntryKind kind, long contentBytes, string? linkTarget) => kind switch
    {
        LayerEntryKind.File => contentBytes,
        LayerEntryKind.Symlink => System.Text.Encoding.UTF8.GetByteCount(linkTarget ?? ""),
        _ => 0,
    };
}
