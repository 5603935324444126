namespace ImageLab.Core.Experiments;

/// <summary>
/// Whether a suggested image still does its job: the project's or iteration's check command run in a container of
/// the source image and of the suggested one (no network, a memory limit, a timeout).
/// </summary>
/// <param name="Status">Not run (no check command: "builds, not run"), waiting, passed or failed.</param>
/// <param name="Command">The command run, as its words.</param>
/// <param name="Expect">Text the output must contain; null when only the exit code counts.</param>
/// <param name="SourceOutput">The first lines of the source image's output (secrets masked); null until run.</param>
/// <param name="SuggestedOutput">The first lines of the suggested image's output (secrets masked); null until run.</param>
/// <param name="FailingTransformations">The ids of the transformations whose image alone fails the check.</param>
/// <param name="Reason">Why the check failed, in a sentence (exit code, missing text, timeout, memory).</param>
public sealed record SuggestionCheck(
    SuggestionCheckStatus Status,
    IReadOnlyList<string> Command,
    string? Expect,
    string? SourceOutput,
    string? SuggestedOutput,
    IReadOnlyList<string> FailingTransformations,
    string? Reason);

/// <summary>Where a suggestion's check stands.</summary>
public enum SuggestionCheckStatus
{
    /// <summary>No check command is set: the suggestion builds, it was not run.</summary>
    NotRun,

    /// <summary>A check command is set and has not run yet.</summary>
    Waiting,

    Passed,

    Failed,
}
