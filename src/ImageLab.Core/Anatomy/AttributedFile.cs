namespace ImageLab.Core.Anatomy;

/// <summary>
/// One file (or symbolic link) a layer wrote, with the bytes it weighs in the image, its kind and the package that
/// owned its path when the layer was written (null: no package owns it).
/// </summary>
public sealed record AttributedFile(string Path, int LayerIndex, long Bytes, ByteKind Kind, PackageKey? Owner);
