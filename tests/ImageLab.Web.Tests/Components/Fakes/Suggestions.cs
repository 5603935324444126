using ImageLab.Core.Experiments;

namespace ImageLab.Web.Tests.Components.Fakes;

/// <summary>A suggestion made from the ladder's naive iteration (id 101), as the store gives it back once proven.</summary>
public static class Suggestions
{
    public const long SuggestedId = 106;
    public const long AptSaving = 150_123_456;
    public const string SuggestedText =
        "FROM python:3.11-slim-bookworm\nWORKDIR /app\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends python3-fastapi \\\n && rm -rf /var/lib/apt/lists/*\nCOPY main.py .\nCMD [\"python3\", \"main.py\"]\n";

    public static IReadOnlyList<TransformationDetails> Proven { get; } =
    [
        new("apt-no-install-recommends", "apt-get install --no-install-recommends", 3, TransformationStatus.Measured, AptSaving, null, []),
        new("apt-lists-cleanup", "rm -rf /var/lib/apt/lists/* after apt-get", 3, TransformationStatus.Measured, -4_096, null, ["apt-no-install-recommends"]),
        new("smaller-base", "The slim variant of the final base", 1, TransformationStatus.Dropped, null, "its own build failed: cp: cannot stat '/usr/share/doc/dpkg': No such file or directory\nexit code 1", []),
    ];

    /// <summary>The finished ladder with the suggestion appended as its sixth iteration.</summary>
    public static ExperimentDetails Experiment(
        IterationStatus status = IterationStatus.Succeeded, IReadOnlyList<TransformationDetails>? transformations = null, SuggestionCheck? check = null)
    {
        var ladder = Ladder.Finished();
        var naive = ladder.Iterations[0];
        var suggested = naive with
        {
            Id = SuggestedId,
            Ordinal = 6,
            Name = "1-naive suggested",
            DockerfileText = SuggestedText,
            Status = status,
            SizeBytes = status == IterationStatus.Succeeded ? naive.SizeBytes - AptSaving : null,
            SuggestedFrom = naive.Id,
            Transformations = transformations ?? Proven,
            Check = check,
        };
        return ladder with { Iterations = [.. ladder.Iterations, suggested] };
    }
}
