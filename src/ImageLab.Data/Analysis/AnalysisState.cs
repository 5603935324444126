namespace ImageLab.Data.Analysis;

/// <summary>An iteration's <see cref="AnalysisAvailability"/> and, unless available, a sentence for the user.</summary>
public sealed record AnalysisState(AnalysisAvailability Availability, string? Sentence)
{
    public bool IsAvailable => Availability == AnalysisAvailability.Available;
}
