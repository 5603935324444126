namespace ImageLab.Core.Anatomy;

/// <summary>
/// One file (or symbolic link) a layer wrote, with the bytes it weighs in the image, the kind its path gives it, the
/// package that owned its path when the layer was written (null: no package owns it) and the bytes of its ELF debug
/// sections (at most <see cref="Bytes"/>). Those bytes are <see cref="ByteKind.DebugInfo"/> whatever the path says;
/// the rest of the file is of <see cref="Kind"/>.
/// </summary>
public sealed record AttributedFile(string Path, int LayerIndex, long Bytes, ByteKind Kind, PackageKey? Owner, long DebugSectionBytes = 0)
{
    /// <summary>Whether some of the file's bytes are of <paramref name="kind"/> (a file of 0 bytes is of its path's kind).</summary>
    public bool IsOf(ByteKind kind) => kind == Kind || (kind == ByteKind.DebugInfo && DebugSectionBytes > 0);

    /// <summary>The file's bytes of <paramref name="kind"/>: over all kinds they add up to <see cref="Bytes"/>.</summary>
    public long BytesOf(ByteKind kind) => kind == Kind
        ? (Kind == ByteKind.DebugInfo ? Bytes : Bytes - DebugSectionBytes)
        : kind == ByteKind.DebugInfo ? DebugSectionBytes : 0;
}
