using ImageLab.Core.Experiments;

namespace ImageLab.Data.Stores;

/// <summary>What the worker needs to prove a suggested iteration: its source as built, and its transformations.</summary>
/// <param name="SourceDockerfileText">The source iteration's Dockerfile.</param>
/// <param name="SourceImageId">The source iteration's image, to measure it on the engine again.</param>
/// <param name="SourceSizeBytes">The source iteration's stored size.</param>
/// <param name="Transformations">The suggestion's transformations in the order applied.</param>
/// <param name="Check">The experiment's check command; null when it has none.</param>
public sealed record SuggestionProof(
    string SourceDockerfileText, string? SourceImageId, long? SourceSizeBytes, IReadOnlyList<SuggestionProofStep> Transformations, CheckCommand? Check);
