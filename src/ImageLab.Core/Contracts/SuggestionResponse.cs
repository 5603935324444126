using ImageLab.Core.Experiments;

namespace ImageLab.Core.Contracts;

/// <summary>
/// A suggested iteration, as <c>POST /api/experiments/{id}/iterations/{iterationId}/suggestion</c> answers it: appended
/// to the experiment and queued like any other, its Dockerfile written by ImageLab from the source iteration
/// (<c>suggestedFrom</c>), made of <c>transformations</c>. <c>check</c> says whether the image was run, in words: "builds,
/// not run" when no check command is set, "waiting" until it ran, "passed", or "failed: " and the reason;
/// <c>checkResult</c> is the same result in full (null for a submitted iteration).
/// </summary>
public sealed record SuggestionResponse(
    long Id,
    long ExperimentId,
    int Ordinal,
    string Name,
    IterationStatus Status,
    long SuggestedFrom,
    string Dockerfile,
    IReadOnlyList<TransformationResponse> Transformations,
    string Check,
    SuggestionCheck? CheckResult)
{
    /// <summary>What <c>check</c> says when no check command is set.</summary>
    public const string NotRun = "builds, not run";

    public static SuggestionResponse From(long experimentId, IterationDetails iteration)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        return new SuggestionResponse(
            iteration.Id,
            experimentId,
            iteration.Ordinal,
            iteration.Name,
            iteration.Status,
            iteration.SuggestedFrom ?? 0,
            iteration.DockerfileText,
            [.. iteration.Transformations.Select(TransformationResponse.From)],
            Describe(iteration.Check),
            iteration.Check);
    }

    /// <summary>The check in words: "builds, not run", "waiting", "passed" or "failed: " and the reason.</summary>
    public static string Describe(SuggestionCheck? check) => check?.Status switch
    {
        SuggestionCheckStatus.Waiting => "waiting",
        SuggestionCheckStatus.Passed => "passed",
        SuggestionCheckStatus.Failed => $"failed: {check.Reason ?? "the check command failed."}",
        _ => NotRun,
    };
}
