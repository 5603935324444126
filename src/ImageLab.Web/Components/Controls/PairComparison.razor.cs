using ImageLab.Core.Experiments;
using ImageLab.Web.Formatting;
using ImageLab.Web.ViewModels;
using Microsoft.AspNetCore.Components;

namespace ImageLab.Web.Components.Controls;

/// <summary>Any two iterations side by side, also across experiments of the same project.</summary>
public partial class PairComparison
{
    private readonly Dictionary<long, ExperimentDetails> _experiments = [];
    private List<PairOption> _options = [];
    private string? _leftKey;
    private string? _rightKey;
    private Pick? _left;
    private Pick? _right;
    private ComparisonModel? _pair;
    private string? _error;
    private long _loadedFor = -1;

    [Inject]
    private IExperimentQueries Queries { get; set; } = default!;

    [Parameter, EditorRequired]
    public ExperimentDetails Experiment { get; set; } = default!;

    /// <summary>The pair (before, after) whose causes the page already shows elsewhere: not listed again when picked.</summary>
    [Parameter]
    public (long Before, long After)? ExplainedAbove { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _experiments[Experiment.Id] = Experiment;
        var own = Experiment.Iterations.Where(i => i.SizeBytes is not null)
            .Select(i => new PairOption(Key(Experiment.Id, i.Id), $"{i.Ordinal}. {i.Name} · {ByteSize.Format(i.SizeBytes)} (this experiment)", Experiment.Id, i.Id))
            .ToList();
        if (_loadedFor != Experiment.Id)
        {
            _loadedFor = Experiment.Id;
            try
            {
                var others = await Queries.ListComparableIterationsAsync(Experiment.Project, CancellationToken.None);
                _others = others.Where(o => o.ExperimentId != Experiment.Id)
                    .Select(o => new PairOption(Key(o.ExperimentId, o.IterationId), $"{o.ExperimentName} · {o.Ordinal}. {o.IterationName} · {ByteSize.Format(o.SizeBytes)} ({TimeFormat.Absolute(o.CreatedAt)[..10]})", o.ExperimentId, o.IterationId))
                    .ToList();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _error = "Iterations of other experiments could not be listed: " + e.Message;
            }
        }

        _options = [.. own, .. _others];
        if (own.Count > 0 && (_leftKey is null || _options.All(o => o.Key != _leftKey)))
        {
            _leftKey = own[0].Key;
            _rightKey = (own.Count > 1 ? own.MinBy(o => Experiment.Iterations.First(i => i.Id == o.IterationId).SizeBytes) : own[0])!.Key;
        }

        await ResolveAsync();
    }

    private List<PairOption> _others = [];

    private async Task PickAsync(string key, bool left)
    {
        if (left)
        {
            _leftKey = key;
        }
        else
        {
            _rightKey = key;
        }

        await ResolveAsync();
    }

    private async Task ResolveAsync()
    {
        _left = await FindAsync(_leftKey);
        _right = await FindAsync(_rightKey);
        _pair = _left is { } l && _right is { } r
            ? ComparisonModel.From([l.Details with { Ordinal = 1, Name = l.ShortLabel }, r.Details with { Ordinal = 2, Name = r.ShortLabel }])
            : null;
    }

    private async Task<Pick?> FindAsync(string? key)
    {
        if (key is null || _options.FirstOrDefault(o => o.Key == key) is not { } option)
        {
            return null;
        }

        if (!_experiments.TryGetValue(option.ExperimentId, out var experiment))
        {
            try
            {
                experiment = await Queries.GetExperimentAsync(option.ExperimentId, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _error = $"Experiment {option.ExperimentId} could not be read: {e.Message}";
                return null;
            }

            if (experiment is null)
            {
                _error = $"Experiment {option.ExperimentId} no longer exists.";
                return null;
            }

            _experiments[experiment.Id] = experiment;
        }

        var details = experiment.Iterations.FirstOrDefault(i => i.Id == option.IterationId);
        if (details is null)
        {
            return null;
        }

        var shortLabel = experiment.Id == Experiment.Id ? details.Name : $"{experiment.Name} · {details.Name}";
        return new Pick(option.ExperimentId, details, shortLabel, option.Label);
    }

    private static string Verdict(Pick left, Pick right)
    {
        var a = left.Details.SizeBytes;
        var b = right.Details.SizeBytes;
        if (a is null || b is null)
        {
            return "One of the two has no size.";
        }

        if (a == b)
        {
            return $"{right.ShortLabel} and {left.ShortLabel} are the same size ({ByteSize.Format(a)}).";
        }

        return $"{right.ShortLabel} is {ByteSize.Format(Math.Abs(a.Value - b.Value))} {(b < a ? "smaller" : "larger")} than {left.ShortLabel}: {Reduction.Describe(a, b)}.";
    }

    private static string Key(long experimentId, long iterationId) => $"{experimentId}:{iterationId}";

    private sealed record PairOption(string Key, string Label, long ExperimentId, long IterationId);

    private sealed record Pick(long ExperimentId, IterationDetails Details, string ShortLabel, string Label);
}
