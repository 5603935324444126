namespace ImageLab.Core.Layers;

/// <summary>
/// Layer analyses keyed by DiffID, so that a layer shared by several images (the base of a ladder) is analyzed once.
/// Keys are DiffIDs ("sha256:…") or aliases the analyzer can know before reading a blob: the digest of a
/// compressed OCI blob, or <c>legacy:&lt;id&gt;</c> for a legacy <c>&lt;id&gt;/layer.tar</c> (the legacy id is a hash
/// over the layer's chain id, so it names the same content wherever it appears). Implementations must be thread-safe.
/// </summary>
public interface ILayerAnalysisCache
{
    ValueTask<LayerAnalysis?> TryGetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="analysis"/> under its DiffID and under each of <paramref name="aliases"/>.</summary>
    ValueTask StoreAsync(LayerAnalysis analysis, IReadOnlyCollection<string> aliases, CancellationToken cancellationToken);
}
