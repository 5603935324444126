using System.Text.Json.Serialization;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Reports;

/// <summary>One iteration in a report: its sizes, how they moved and where its bytes are.</summary>
public sealed record IterationReportRow
{
    public required long IterationId { get; init; }

    public required int Ordinal { get; init; }

    public required string Name { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<IterationStatus>))]
    public required IterationStatus Status { get; init; }

    public long? SizeBytes { get; init; }

    /// <summary>Push size (gzip of the layers) when the layer analysis measured it.</summary>
    public long? CompressedSizeBytes { get; init; }

    /// <summary>Reduction against the experiment's first iteration, in percent (positive = smaller); null for the first.</summary>
    public double? ReductionPercent { get; init; }

    /// <summary>The size of the baseline experiment's iteration of the same name (else the same position).</summary>
    public long? BaselineSizeBytes { get; init; }

    /// <summary>Change against <see cref="BaselineSizeBytes"/>, in percent (positive = bigger).</summary>
    public double? ChangeFromBaselinePercent { get; init; }

    /// <summary>dive's efficiency score, 0 to 1, when analyzed.</summary>
    public double? Efficiency { get; init; }

    public long? WastedBytes { get; init; }

    public double? BuildSeconds { get; init; }

    public ReportLayer? LargestOwnLayer { get; init; }

    public string? Error { get; init; }
}
