using ImageLab.Core.Experiments;

namespace ImageLab.Data.Stores;

/// <summary>What the worker's check run of a suggested iteration found, as <see cref="SuggestionStore.SetCheckAsync"/> stores it.</summary>
/// <param name="Status">Passed or failed.</param>
/// <param name="SourceOutput">The source image's output, secrets masked; null when it was not run.</param>
/// <param name="SuggestedOutput">The suggested image's output, secrets masked; null when it was not run.</param>
/// <param name="FailingTransformations">The ids of the transformations whose image alone fails the check.</param>
/// <param name="Reason">Why it failed, in a sentence; null when it passed.</param>
public sealed record SuggestionCheckOutcome(
    SuggestionCheckStatus Status, string? SourceOutput, string? SuggestedOutput, IReadOnlyList<string> FailingTransformations, string? Reason);
