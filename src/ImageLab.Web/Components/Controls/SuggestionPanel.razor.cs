using ImageLab.Core.Dockerfiles.Rewrites;
using ImageLab.Core.Experiments;
using ImageLab.Web.UseCases;
using ImageLab.Web.Formatting;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace ImageLab.Web.Components.Controls;

/// <summary>
/// A suggested iteration's proof on its card: the iteration it came from, its transformations with what each one's
/// own build saved (or why it was dropped), its check, the Dockerfile and patch to take away, and the diff (folded).
/// </summary>
public partial class SuggestionPanel : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private DockerIgnoreChange? _dockerIgnore;
    private long? _dockerIgnoreOf;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IterationSuggestions Suggestions { get; set; } = default!;

    [Parameter, EditorRequired]
    public IterationDetails Suggested { get; set; } = default!;

    /// <summary>The iteration it was suggested from; null when the page does not hold it.</summary>
    [Parameter]
    public IterationDetails? Source { get; set; }

    /// <summary>The suggestion's live status (its details may be older).</summary>
    [Parameter]
    public IterationStatus Status { get; set; }

    [Parameter]
    public long ExperimentId { get; set; }

    /// <summary>Copies the patch; the page asks the use case for its text.</summary>
    [Parameter]
    public EventCallback<IterationDetails> OnCopyPatch { get; set; }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    // The .dockerignore change is read from the stored context once per suggestion, and only when it has one.
    protected override async Task OnParametersSetAsync()
    {
        if (!Suggested.Transformations.Any(t => t.Id == ContextFilesOutRewrite.RewriteId && t.Status != TransformationStatus.Dropped))
        {
            (_dockerIgnore, _dockerIgnoreOf) = (null, null);
        }
        else if (_dockerIgnoreOf != Suggested.Id)
        {
            _dockerIgnoreOf = Suggested.Id;
            _dockerIgnore = await Suggestions.GetDockerIgnoreChangeAsync(Suggested, _stop.Token);
        }
    }

    private string SourceTitle => Source is { } source ? $"#{source.Ordinal} ({source.Name})" : $"iteration {Suggested.SuggestedFrom}";

    private string PatchHref => $"/api/experiments/{ExperimentId}/iterations/{Suggested.Id}/patch";

    private string MeasuredOnText => Suggested.MeasuredOn is { } engine ? $" on {engine}" : "";

    private CheckLook Check => CheckLook.Of(Suggested.Check);

    private string StatusText(TransformationDetails transformation) => transformation.Status switch
    {
        TransformationStatus.Measured => "measured",
        TransformationStatus.Dropped => "dropped",
        _ when Status.IsFinal() => "not measured",
        _ => "waiting for its build",
    };

    private string SavedTitle(TransformationDetails transformation, long saved) =>
        (transformation.OnTopOfText is { } onTopOf
            ? $"Built {onTopOf} on {SourceTitle}, the image is {ByteSize.Exact(Math.Abs(saved))} {(saved >= 0 ? "smaller" : "larger")} than with {string.Join(" and ", transformation.OnTopOf)} alone "
            : $"Built alone on top of {SourceTitle}, the image is {ByteSize.Exact(Math.Abs(saved))} {(saved >= 0 ? "smaller" : "larger")} ")
        + $"(uncompressed, as docker image inspect reports both{MeasuredOnText}).";

    // A transformation that changed nothing is neither good nor bad news.
    private static string SavedClass(long saved) => saved switch
    {
        > 0 => "imagelab-smaller",
        < 0 => "imagelab-larger",
        _ => "mud-text-secondary",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private async Task DownloadDockerfileAsync() =>
        await JS.InvokeVoidAsync("imageLab.saveText", Path.GetFileName(Suggested.Dockerfile), Suggested.DockerfileText, "text/plain");

    /// <summary>How the check's state reads: "builds, not run" when no check command is set.</summary>
    private sealed record CheckLook(string Kind, string Icon, Color Color, string Text)
    {
        private const int MaxCommandLength = 120;

        public static CheckLook Of(SuggestionCheck? check) => check?.Status switch
        {
            SuggestionCheckStatus.Waiting => new("waiting", Icons.Material.Outlined.HourglassEmpty, Color.Info,
                $"Check waiting: {Command(check)} runs in the source and the suggested image once the suggestion is built."),
            SuggestionCheckStatus.Passed => new("passed", Icons.Material.Filled.CheckCircle, Color.Success,
                $"Check passed: {Command(check)} ran in the suggested image {Expectation(check)}, as in its source."),
            SuggestionCheckStatus.Failed => new("failed", Icons.Material.Filled.Cancel, Color.Error,
                $"Check failed: {check.Reason ?? "the suggested image did not pass it."}"
                + (check.FailingTransformations.Count > 0 ? $" Failing on their own: {string.Join(", ", check.FailingTransformations)}." : "")),
            _ => new("not-run", Icons.Material.Outlined.Info, Color.Default,
                "Builds, not run: no check command is set (imagelab.json \"check\"), so the suggested image was built but never run."),
        };

        private static string Command(SuggestionCheck check) => LayerText.Shorten(CommandLineWords.Join(check.Command), MaxCommandLength);

        private static string Expectation(SuggestionCheck check) =>
            check.Expect is { } expect ? $"and printed “{LayerText.Shorten(expect, MaxCommandLength)}”" : "and exited 0";
    }
}
