using ImageLab.Core.Layers.Internal;

namespace ImageLab.Core.Layers;

/// <summary>
/// Gzip-compresses the layer tar into counters, in independent chunks on several threads (pigz-style), so that the
/// reader of the save stream never waits on deflate while a core is free. The Docker engine pushes an uncompressed
/// layer through Go's <c>compress/gzip</c> <c>gzip.NewWriter</c> (moby <c>distribution/push_v2.go</c>,
/// <c>compress()</c>), i.e. <c>compress/flate</c> at its default level 6, in one stream on one goroutine.
/// .NET's zlib is zlib-ng, whose levels are not Go's: see <see cref="DefaultLevel"/> for the level that matches and
/// bench/ImageLab.Benchmarks/Layers/README.md for the measurements against a registry.
/// </summary>
public sealed class GzipCompressedSizeEstimator : ICompressedSizeEstimator
{
    /// <summary>The level Go's <c>compress/gzip</c> uses for <c>DefaultCompression</c>.</summary>
    public const int GoDefaultLevel = 6;

    /// <summary>
    /// The zlib-ng level whose output matches Go's level 6. On the sample ladder's 1.17 GB image, layer by layer against
    /// the sizes a registry push stored, zlib-ng level 6 and 5 are both within 0.1% of Go's level 6 (zlib-ng 4 is
    /// +0.6% to +1.3%, 3 up to +2.8%); level 5 costs about 30% less CPU than 6, so it is the default.
    /// </summary>
    public const int DefaultLevel = 5;

    /// <summary>Chunks of 4 MiB: the loss from cutting the window at each chunk stays under 0.1% (measured).</summary>
    public const int DefaultChunkBytes = 4 * 1024 * 1024;

    public GzipCompressedSizeEstimator(int compressionLevel = DefaultLevel, int chunkBytes = DefaultChunkBytes, int maxDegreeOfParallelism = 0)
    {
        CompressionLevel = compressionLevel is >= 0 and <= 9
            ? compressionLevel
            : throw new ArgumentOutOfRangeException(nameof(compressionLevel), compressionLevel, "A gzip level is 0 to 9.");
        ChunkBytes = chunkBytes is >= 64 * 1024 and <= 64 * 1024 * 1024
            ? chunkBytes
            : throw new ArgumentOutOfRangeException(nameof(chunkBytes), chunkBytes, "A chunk is 64 KiB to 64 MiB.");
        MaxDegreeOfParallelism = maxDegreeOfParallelism switch
        {
            0 => Environment.ProcessorCount,
            > 0 => maxDegreeOfParallelism,
            _ => throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "0 (one per processor) or more."),
        };
    }

    public int CompressionLevel { get; }

    public int ChunkBytes { get; }

    /// <summary>Chunks compressing at once for one layer (0 given: one per processor); the reader runs beside them.</summary>
    public int MaxDegreeOfParallelism { get; }

    public ICompressedSizeCounter Start() => new ChunkedDeflateCounter(CompressionLevel, ChunkBytes, MaxDegreeOfParallelism);
}
