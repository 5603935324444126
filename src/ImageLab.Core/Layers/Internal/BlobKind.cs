namespace ImageLab.Core.Layers.Internal;

internal enum BlobKind
{
    Unknown,
    Tar,
    Gzip,
    Zstd,
    Json,
}
