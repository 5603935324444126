using ImageLab.Core.Experiments;

namespace ImageLab.Data.Stores;

/// <summary>One transformation of a suggestion as the worker sees it.</summary>
public sealed record SuggestionProofStep(string RewriteId, TransformationStatus Status);
