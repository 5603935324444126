using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// What the live page knows of one iteration: the last snapshot from the store, advanced by the events
/// that arrived since (status, steps, cached steps, log lines).
/// </summary>
public sealed class IterationLiveState(IterationDetails details)
{
    private bool _statusFromEvents;
    private int _eventCompleted;
    private int _eventCached;
    private int _eventTotal;

    public IterationDetails Details { get; private set; } = details;

    public long Id => Details.Id;

    public IterationStatus Status { get; private set; } = details.Status;

    public int TotalSteps => Math.Max(_eventTotal, Details.TotalSteps);

    public int CompletedSteps => Math.Min(Math.Max(_eventCompleted, Details.CompletedSteps), Math.Max(TotalSteps, 0));

    public int CachedSteps => Math.Max(_eventCached, Details.CachedSteps);

    /// <summary>The step being built now: its number and its instruction.</summary>
    public int? CurrentStep { get; private set; }

    public string? CurrentStepText { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; } = details.StartedAt;

    public DateTimeOffset? FinishedAt { get; private set; } = details.FinishedAt;

    /// <summary>Why it failed or was cancelled, in a sentence.</summary>
    public string? Reason => Status is IterationStatus.Failed or IterationStatus.Canceled ? _reason ?? Details.Error : null;

    private string? _reason;

    public int Warnings { get; private set; }

    public LogBuffer Log { get; } = new();

    public bool IsRunning => Status is IterationStatus.Building or IterationStatus.Measuring;

    /// <summary>Whether the Dockerfile advisor finds anything in its Dockerfile: what a suggestion is offered for.</summary>
    public bool HasFindings
    {
        get
        {
            // Advised once per Dockerfile text: the card asks on every render.
            if (!ReferenceEquals(_advisedText, Details.DockerfileText))
            {
                _advisedText = Details.DockerfileText;
                _hasFindings = Advisor.Analyze(Details.DockerfileText).Findings.Count > 0 || CopiesALargeLayerFromTheContext();
            }

            return _hasFindings;
        }
    }

    // A layer of IL005's size copied from the build context may hold files the image never uses (context-files-out's
    // case): the advisor cannot see it from the Dockerfile alone, the measured layers can.
    private bool CopiesALargeLayerFromTheContext() => Details.Layers.Any(l =>
        !l.FromBaseImage && l.SizeBytes >= DockerfileAdvisorOptions.DefaultLargeFileThresholdBytes && l.Instruction is { } instruction
        && (instruction.StartsWith("COPY ", StringComparison.Ordinal) || instruction.StartsWith("ADD ", StringComparison.Ordinal))
        && !instruction.Contains("--from", StringComparison.Ordinal));

    /// <summary>Whether a suggestion may be asked for it: built and measured (the proof compares against it), with findings.</summary>
    public bool MaySuggest => Status == IterationStatus.Succeeded && Details.SizeBytes is not null && HasFindings;

    private static readonly DockerfileAdvisor Advisor = new();
    private string? _advisedText;
    private bool _hasFindings;

    /// <summary>Step progress in percent; a finished success is full even when the builder reported no steps.</summary>
    public double ProgressPercent => Status == IterationStatus.Succeeded
        ? 100
        : TotalSteps > 0 ? Math.Clamp(CompletedSteps * 100.0 / TotalSteps, 0, 100) : 0;

    public TimeSpan? Elapsed(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return null;
        }

        if (Status.IsFinal() && Details.BuildSeconds is { } seconds && FinishedAt is null)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return (Status.IsFinal() ? FinishedAt ?? now : now) - started;
    }

    /// <summary>Applies one event; true when the store has news the events do not carry (sizes, layers).</summary>
    public bool Apply(BuildEventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Type)
        {
            case BuildEventType.Status when message.Status is { } status:
                var previous = Status;
                _statusFromEvents = true;
                Status = status;
                if (status == IterationStatus.Building && (previous.IsFinal() || previous == IterationStatus.Measuring))
                {
                    // A retry after a lost lease starts the build again.
                    _eventCompleted = _eventCached = 0;
                    FinishedAt = null;
                    Log.Append($"— attempt restarted at {TimeFormat.Absolute(message.At)} —", isWarning: true);
                }

                if (status == IterationStatus.Building)
                {
                    StartedAt ??= message.At;
                }

                if (status.IsFinal())
                {
                    StartedAt ??= message.At;
                    FinishedAt = message.At;
                    _reason = message.Text;
                    CurrentStep = null;
                    CurrentStepText = null;
                }

                return status.IsFinal() || status == IterationStatus.Measuring;
            case BuildEventType.StepStarted:
                _eventTotal = Math.Max(_eventTotal, Math.Max(message.TotalSteps ?? 0, message.Step ?? 0));
                CurrentStep = message.Step;
                CurrentStepText = message.Text;
                return false;
            case BuildEventType.StepCompleted:
                _eventCompleted++;
                _eventCached += message.Cached ? 1 : 0;
                _eventTotal = Math.Max(_eventTotal, Math.Max(message.TotalSteps ?? 0, message.Step ?? 0));
                return false;
            case BuildEventType.Log:
                Log.Append(message.Text);
                return false;
            case BuildEventType.Warning:
                Warnings++;
                Log.Append(message.Text, isWarning: true);
                return false;
            case BuildEventType.Analyzed:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Takes a newer snapshot: measurements come from it, status from events once any arrived (unless the store says it ended).</summary>
    public void ApplySnapshot(IterationDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        Details = details;
        if (!_statusFromEvents || details.Status.IsFinal())
        {
            Status = details.Status;
        }

        StartedAt = details.StartedAt ?? StartedAt;
        FinishedAt = details.FinishedAt ?? FinishedAt;
    }
}
