using ImageLab.Core.Experiments;

namespace ImageLab.Web.UseCases;

/// <summary>An experiment with the advice for each of its iterations, in order.</summary>
public sealed record AdvisedExperiment(ExperimentDetails Experiment, IReadOnlyList<IterationAdvice> Iterations);
