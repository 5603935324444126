using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Layers;

/// <summary>
/// Analyzes the output of <c>docker save</c> (or <c>GET /images/{name}/get</c>) in one forward-only pass, legacy or
/// OCI layout, with layer blobs uncompressed, gzip or zstd. Layers are analyzed as they stream by, keyed by blob,
/// and put in image order at the end from the manifest and the config's <c>rootfs.diff_ids</c>, since the manifest
/// may come after the blobs. Memory is bounded by metadata: file contents are hashed, compressed into a counter and
/// dropped. Never throws for bad input (the result carries a sentence); throws only when cancelled.
/// Thread-safe: one instance may analyze several streams at once.
/// </summary>
public sealed class ImageSaveAnalyzer(ImageAnalysisOptions? options = null, ILayerAnalysisCache? cache = null)
{
    private readonly ImageAnalysisOptions _options = options ?? ImageAnalysisOptions.Default;

    public async Task<ImageAnalysisResult> AnalyzeAsync(Stream saveStream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saveStream);
        var session = new SaveStreamSession(_options, cache);
        return await session.RunAsync(saveStream, cancellationToken).ConfigureAwait(false);
    }
}
