using System.ComponentModel.DataAnnotations;

namespace ImageLab.Worker.Analysis;

/// <summary>The <c>Analysis</c> section: whether and how each built image's layers are analyzed.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>Analyze every successful iteration's layers (files, waste, push size). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Analyses run at once in this process, beside (never inside) the builds' slots. Default 1.</summary>
    [Range(1, 64, ErrorMessage = "Analysis:Concurrency must be between 1 and 64.")]
    public int Concurrency { get; set; } = 1;

    /// <summary>
    /// Gzip every layer not yet in the DiffID cache to learn its push size (the costly part), after the files and the waste
    /// are stored and announced (a second read of the image). Default true.
    /// </summary>
    public bool EstimateCompressedSize { get; set; } = true;

    /// <summary>
    /// The zlib-ng level of the push-size estimate; 5 matches the level 6 of Go's gzip the engine pushes with (see
    /// <see cref="ImageLab.Core.Layers.GzipCompressedSizeEstimator.DefaultLevel"/>).
    /// </summary>
    [Range(1, 9, ErrorMessage = "Analysis:CompressionLevel must be a gzip level between 1 and 9.")]
    public int CompressionLevel { get; set; } = ImageLab.Core.Layers.GzipCompressedSizeEstimator.DefaultLevel;

    /// <summary>An analysis running longer than this is stopped and stored as failed; the build's results stay.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Analysis:TimeoutMinutes must be between 1 and 1440.")]
    public int TimeoutMinutes { get; set; } = 30;
}
