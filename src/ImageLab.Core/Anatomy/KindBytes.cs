namespace ImageLab.Core.Anatomy;

/// <summary>Bytes of one <see cref="ByteKind"/>, over all layers.</summary>
public sealed record KindBytes(ByteKind Kind, long Bytes, int FileCount);
