namespace ImageLab.Core.Layers;

/// <summary>How a layer blob was stored in the save stream, detected from its magic bytes.</summary>
public enum LayerBlobCompression
{
    None,
    Gzip,
    Zstd,
}
