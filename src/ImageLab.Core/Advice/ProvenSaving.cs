using ImageLab.Core.Engines;

namespace ImageLab.Core.Advice;

/// <summary>
/// What a transformation of a suggestion proved by building: the bytes its own build saved on top of the iteration the
/// suggestion came from, where a finding of that iteration would otherwise show only its bytes at stake (an estimate).
/// </summary>
/// <param name="TransformationId">The rewrite's id (<c>apt-no-install-recommends</c>).</param>
/// <param name="SavedBytes">
/// The size of the source built with <paramref name="OnTopOf"/> alone (the source itself when empty) minus the size of
/// its build with this transformation on top (uncompressed).
/// </param>
/// <param name="RuleIds">The rules whose findings the transformation answers, all of them together by this one saving.</param>
/// <param name="SuggestionTitle">"3. naive suggested", the suggested iteration that proved it.</param>
/// <param name="MeasuredOn">The engine that built the suggestion; null when it did not say.</param>
/// <param name="OnTopOf">The transformations it was built and measured on top of; empty when on the source alone.</param>
public sealed record ProvenSaving(
    string TransformationId,
    long SavedBytes,
    IReadOnlyList<string> RuleIds,
    string SuggestionTitle,
    EngineDescription? MeasuredOn,
    IReadOnlyList<string> OnTopOf);
