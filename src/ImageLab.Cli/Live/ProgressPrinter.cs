using System.Globalization;
using ImageLab.Core.Experiments;

namespace ImageLab.Cli.Live;

/// <summary>
/// Prints an experiment's build events as progress: each step once (step N/M, cached steps so far,
/// elapsed), warnings, and a closing line per iteration. On a terminal the current iteration's line is
/// rewritten in place instead.
/// </summary>
public sealed class ProgressPrinter
{
    private const int MaxStepText = 90;

    private readonly CliConsole _console;
    private readonly Dictionary<long, IterationProgress> _iterations;
    private bool _lineOpen;

    public ProgressPrinter(CliConsole console, ExperimentDetails experiment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiment);
        _console = console;
        _iterations = experiment.Iterations.ToDictionary(i => i.Id, i => new IterationProgress(i.Name));
    }

    public void Handle(BuildEventMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_iterations.TryGetValue(message.IterationId, out var it))
        {
            return;
        }

        it.Started ??= message.At;
        it.Total = Math.Max(it.Total, message.TotalSteps ?? 0);
        switch (message.Type)
        {
            case BuildEventType.StepStarted:
                it.Step = message.Step ?? it.Step + 1;
                it.StepText = message.Text;
                Progress(it, message.At);
                break;
            case BuildEventType.StepCompleted:
                it.Cached += message.Cached ? 1 : 0;
                if (_console.Interactive)
                {
                    Progress(it, message.At);
                }

                break;
            case BuildEventType.Warning:
                Line($"[{it.Name}] warning: {message.Text}");
                break;
            case BuildEventType.Status when message.Status is { } status:
                Status(it, status, message);
                break;
        }
    }

    /// <summary>A remark about the connection, on the error output so that the progress stays clean.</summary>
    public void Note(string text)
    {
        EndLine();
        _console.Error.WriteLine(text);
    }

    private void Status(IterationProgress it, IterationStatus status, BuildEventMessage message)
    {
        if (status == IterationStatus.Building)
        {
            it.Started = message.At;
        }

        if (!status.IsFinal())
        {
            return;
        }

        var elapsed = Seconds(message.At - it.Started!.Value);
        var steps = string.Create(CultureInfo.InvariantCulture, $"{it.Step}/{Math.Max(it.Total, it.Step)} steps, {it.Cached} cached");
        Line(status switch
        {
            IterationStatus.Succeeded => $"[{it.Name}] succeeded in {elapsed}: {steps}",
            IterationStatus.Failed => $"[{it.Name}] failed after {elapsed} at step {it.Step}/{Math.Max(it.Total, it.Step)}: {message.Text}",
            _ => $"[{it.Name}] {status.ToString().ToLowerInvariant()} after {elapsed}: {message.Text}",
        });
    }

    private void Progress(IterationProgress it, DateTimeOffset at)
    {
        var text = it.StepText?.ReplaceLineEndings(" ") ?? "";
        if (text.Length > MaxStepText)
        {
            text = text[..(MaxStepText - 3)] + "...";
        }

        var total = it.Total > 0 ? it.Total.ToString(CultureInfo.InvariantCulture) : "?";
        var line = string.Create(CultureInfo.InvariantCulture, $"[{it.Name}] step {it.Step}/{total}, {it.Cached} cached, {Seconds(at - it.Started!.Value)}: {text}");
        if (_console.Interactive)
        {
            _console.Out.Write("\r" + line.PadRight(Math.Max(line.Length, it.LastWidth)));
            it.LastWidth = line.Length;
            _lineOpen = true;
        }
        else
        {
            _console.Out.WriteLine(line);
        }
    }

    private void Line(string text)
    {
        EndLine();
        _console.Out.WriteLine(text);
    }

    private void EndLine()
    {
        if (_lineOpen)
        {
            _console.Out.WriteLine();
            _lineOpen = false;
        }
    }

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, elapsed.TotalSeconds):0.0} s");

    private sealed class IterationProgress(string name)
    {
        public string Name { get; } = name;

        public DateTimeOffset? Started { get; set; }

        public int Step { get; set; }

        public int Total { get; set; }

        public int Cached { get; set; }

        public string? StepText { get; set; }

        public int LastWidth { get; set; }
    }
}
