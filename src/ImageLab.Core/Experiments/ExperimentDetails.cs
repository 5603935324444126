namespace ImageLab.Core.Experiments;

/// <summary>An experiment with its iterations and their layers: the REST resource and the pages' model.</summary>
public sealed record ExperimentDetails(
    long Id,
    string Name,
    string Project,
    string SubmittedBy,
    ExperimentStatus Status,
    DateTimeOffset CreatedAt,
    IReadOnlyList<IterationDetails> Iterations);
