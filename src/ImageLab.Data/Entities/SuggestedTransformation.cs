using ImageLab.Core.Experiments;

namespace ImageLab.Data.Entities;

/// <summary>One transformation of a suggested iteration, and what its ablation build measured.</summary>
public sealed class SuggestedTransformation
{
    public long IterationId { get; set; }

    /// <summary>0-based order in which the rewriter applied it.</summary>
    public int Position { get; set; }

    public required string RewriteId { get; set; }

    public required string Title { get; set; }

    public int Line { get; set; }

    public TransformationStatus Status { get; set; }

    public long? SavedBytes { get; set; }

    public string? Reason { get; set; }

    /// <summary>
    /// The transformations its ablation build applied too and its saving is measured against (their build alone):
    /// those it declares as prerequisites or needs to apply at all; empty when measured on the source alone.
    /// </summary>
    public List<string> OnTopOf { get; set; } = [];

    /// <summary>The image of this transformation alone (its ablation build) fails the check that the source passes.</summary>
    public bool FailsCheck { get; set; }
}
