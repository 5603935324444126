using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImageLab.Docker.Engine;

namespace ImageLab.Docker.Builds;

/// <summary>
/// The classic builder's stream: <c>{"stream":"Step 2/5 : RUN ..."}</c> opens a step,
/// <c> ---&gt; Using cache</c> marks it cached, every other line is a log line of the open step;
/// <c>{"aux":{"ID":...}}</c> (or <c>Successfully built</c>) names the image.
/// </summary>
internal sealed partial class ClassicProgressTranslator(IProgress<BuildEvent>? progress) : BuildProgressTranslator(progress)
{
    private readonly StringBuilder _pending = new();
    private readonly Stopwatch _stepClock = new();
    private int _step;
    private int _total;
    private string? _stepText;
    private bool _stepCached;
    private bool _stepOpen;
    private int _cached;
    private readonly List<string> _stageImages = [];
    private string? _lastImage;

    public override int TotalSteps => _total;

    public override int CachedSteps => _cached;

    public override IReadOnlyList<string> StageImageIds => _stageImages;

    public override void OnEnd()
    {
        if (_pending.Length > 0)
        {
            OnLine(_pending.ToString());
            _pending.Clear();
        }

        if (Error is null)
        {
            CloseStep();
        }
    }

    protected override void OnProgress(JsonElement message)
    {
        if (message.TryGetProperty("aux", out var aux) && aux.ValueKind == JsonValueKind.Object && GetString(aux, "ID") is { } id)
        {
            ImageId = id;
            return;
        }

        var text = GetString(message, "stream") ?? GetString(message, "status");
        if (text is null)
        {
            return;
        }

        // A stream chunk is not a line: RUN output arrives as the engine reads it.
        _pending.Append(text);
        var all = _pending.ToString();
        var lastNewline = all.LastIndexOf('\n');
        if (lastNewline < 0)
        {
            return;
        }

        _pending.Clear().Append(all, lastNewline + 1, all.Length - lastNewline - 1);
        foreach (var line in all[..lastNewline].Split('\n'))
        {
            OnLine(line.TrimEnd('\r'));
        }
    }

    // The classic builder's errors do not always say where they happened (a failed pull of the FROM
    // image reads "Get https://registry-1.docker.io/v2/: dial tcp: lookup ..."): name the step.
    protected override string Describe(string message) =>
        _stepOpen && _stepText is not null && !message.Contains(_stepText, StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"Step {_step}/{_total} ({_stepText}) failed: {message}")
            : message;

    private void OnLine(string line)
    {
        var step = StepLine().Match(line);
        if (step.Success)
        {
            CloseStep();
            // A FROM after the first one ends a stage: the last image the builder named is that stage's result.
            if (_lastImage is not null && step.Groups["text"].Value.StartsWith("FROM ", StringComparison.OrdinalIgnoreCase))
            {
                _stageImages.Add(_lastImage);
            }

            _step = int.Parse(step.Groups["n"].Value, CultureInfo.InvariantCulture);
            _total = int.Parse(step.Groups["m"].Value, CultureInfo.InvariantCulture);
            _stepText = step.Groups["text"].Value;
            _stepCached = false;
            _stepOpen = true;
            _stepClock.Restart();
            Report(new BuildEvent(BuildEventKind.StepStarted, _step, _total, _stepText));
            return;
        }

        if (_stepOpen && StepImageLine().Match(line) is { Success: true } stepImage)
        {
            _lastImage = stepImage.Groups["id"].Value;
        }

        if (_stepOpen && line.Trim() == "---> Using cache")
        {
            _stepCached = true;
        }

        if (ImageId is null && SuccessLine().Match(line) is { Success: true } success)
        {
            ImageId = success.Groups["id"].Value;
        }

        Report(new BuildEvent(BuildEventKind.Log, _stepOpen ? _step : null, _total == 0 ? null : _total, line));
    }

    private void CloseStep()
    {
        if (!_stepOpen)
        {
            return;
        }

        _stepOpen = false;
        if (_stepCached)
        {
            _cached++;
        }

        Report(new BuildEvent(BuildEventKind.StepCompleted, _step, _total, _stepText, _stepCached, _stepClock.Elapsed));
    }

    [GeneratedRegex(@"^Step (?<n>\d+)/(?<m>\d+) : (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex StepLine();

    [GeneratedRegex(@"^ ---> (?<id>[0-9a-f]{12})\s*$")]
    private static partial Regex StepImageLine();

    [GeneratedRegex(@"^Successfully built (?<id>[0-9a-f]+)\s*$")]
    private static partial Regex SuccessLine();
}
