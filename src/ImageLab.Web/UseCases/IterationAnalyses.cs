using ImageLab.Core.Contracts;
using ImageLab.Core.Layers;
using ImageLab.Data.Analysis;

namespace ImageLab.Web.UseCases;

/// <summary>
/// Iterations' layer analyses, or the sentence that says why there is none yet: the one place the analysis API and the
/// iteration's files page read them and compare two images.
/// </summary>
public sealed class IterationAnalyses(AnalysisStore store)
{
    /// <summary>The stored numbers, layers and findings of the iteration's analysis.</summary>
    /// <exception cref="ActionRefusedException">No such iteration (<see cref="Refusal.NotFound"/>), or no analysis yet (<see cref="Refusal.Unavailable"/>).</exception>
    public async Task<StoredAnalysis> GetSummaryAsync(long iterationId, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(iterationId, cancellationToken);
        if (!state.IsAvailable)
        {
            throw Unavailable(state);
        }

        return await store.GetAnalysisAsync(iterationId, cancellationToken)
            ?? throw Unavailable(await store.GetStateAsync(iterationId, cancellationToken));
    }

    /// <summary>The iteration's image, file by file and layer by layer.</summary>
    /// <exception cref="ActionRefusedException">No such iteration (<see cref="Refusal.NotFound"/>), or no analysis yet (<see cref="Refusal.Unavailable"/>).</exception>
    public async Task<ImageAnalysis> LoadImageAsync(long iterationId, CancellationToken cancellationToken)
    {
        var state = await store.GetStateAsync(iterationId, cancellationToken);
        if (!state.IsAvailable || await store.LoadImageAnalysisAsync(iterationId, cancellationToken) is not { } analysis)
        {
            throw Unavailable(state);
        }

        return analysis;
    }

    /// <summary>Two iterations' images compared: sizes, layers and files.</summary>
    /// <exception cref="ActionRefusedException">Either iteration has no analysis (or does not exist).</exception>
    public async Task<ImageComparison> CompareAsync(long a, long b, CancellationToken cancellationToken) =>
        ImageComparer.Compare(await LoadImageAsync(a, cancellationToken), await LoadImageAsync(b, cancellationToken));

    private static ActionRefusedException Unavailable(AnalysisState state) => new(
        state.Availability == AnalysisAvailability.NoIteration ? Refusal.NotFound : Refusal.Unavailable,
        state.Sentence ?? "The layer analysis is not available.");
}
