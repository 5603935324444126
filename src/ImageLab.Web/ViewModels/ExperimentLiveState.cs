using ImageLab.Core.Experiments;

namespace ImageLab.Web.ViewModels;

/// <summary>
/// The live page's model: a snapshot of the experiment from the store plus every event since sequence 0,
/// so that a reload or a second browser rebuilds exactly the same state.
/// </summary>
public sealed class ExperimentLiveState
{
    private readonly Dictionary<long, IterationLiveState> _byId = [];
    private readonly List<IterationLiveState> _iterations = [];

    public ExperimentLiveState(ExperimentDetails experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        Experiment = experiment;
        ApplySnapshot(experiment);
    }

    public ExperimentDetails Experiment { get; private set; }

    public IReadOnlyList<IterationLiveState> Iterations => _iterations;

    /// <summary>The last event applied; a reconnecting watch asks for events after it.</summary>
    public long LastSequence { get; private set; }

    public ExperimentStatus Status => StatusRules.Combine(_iterations.Select(i => i.Status));

    public bool IsFinal => Status.IsFinal();

    public IterationLiveState? Find(long iterationId) => _byId.GetValueOrDefault(iterationId);

    /// <summary>Applies events in order (older or repeated ones are ignored); true when the snapshot should be read again.</summary>
    public bool Apply(IEnumerable<BuildEventMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var refresh = false;
        foreach (var message in messages)
        {
            if (message.Sequence <= LastSequence)
            {
                continue;
            }

            LastSequence = message.Sequence;
            if (_byId.TryGetValue(message.IterationId, out var iteration))
            {
                refresh |= iteration.Apply(message);
            }
            else
            {
                refresh = true;
            }
        }

        return refresh;
    }

    public void ApplySnapshot(ExperimentDetails experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        Experiment = experiment;
        foreach (var details in experiment.Iterations.OrderBy(i => i.Ordinal))
        {
            if (_byId.TryGetValue(details.Id, out var existing))
            {
                existing.ApplySnapshot(details);
            }
            else
            {
                var state = new IterationLiveState(details);
                _byId[details.Id] = state;
                _iterations.Add(state);
            }
        }

        _iterations.Sort((a, b) => a.Details.Ordinal.CompareTo(b.Details.Ordinal));
    }

    /// <summary>The experiment's iterations as the snapshot has them, for the comparison.</summary>
    public IReadOnlyList<IterationDetails> Details => _iterations.Select(i => i.Details).ToList();
}
