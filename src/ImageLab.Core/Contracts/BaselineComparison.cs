namespace ImageLab.Core.Contracts;

/// <summary>
/// An experiment measured against its baseline experiment: its final succeeded iteration and the baseline's matching
/// one (see <c>ReportBuilder.FinalPair</c>), and how the baseline was chosen.
/// </summary>
public sealed record BaselineComparison(
    long ExperimentId,
    long BaselineExperimentId,
    string BaselineName,
    string? ChosenBecause,
    long IterationId,
    string IterationName,
    long BaselineIterationId,
    string BaselineIterationName);
