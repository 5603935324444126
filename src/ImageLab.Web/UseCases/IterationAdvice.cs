using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.UseCases;

/// <summary>
/// One iteration with its measured findings, its answers to the lesson's checklist, and the savings that suggestions
/// from it proved, by the rule id they answer.
/// </summary>
public sealed record IterationAdvice(
    IterationDetails Iteration, IReadOnlyList<Finding> Findings, LessonScorecard Scorecard, IReadOnlyDictionary<string, ProvenSaving> Proven)
{
    /// <summary>"2. slim", as the page titles an iteration.</summary>
    public string Title => $"{Iteration.Ordinal}. {Iteration.Name}";

    /// <summary>
    /// Advises and scores an iteration against its layers and the layer analysis's measured waste, and takes what the
    /// suggestions from it among the experiment's <paramref name="iterations"/> measured.
    /// </summary>
    public static IterationAdvice Create(IterationDetails iteration, IReadOnlyList<LayerWaste> waste, IReadOnlyList<IterationDetails> iterations)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        var analysis = MeasuredFindings.Analyze(iteration.DockerfileText, iteration.Layers, waste);
        return new IterationAdvice(
            iteration, analysis.Findings, LessonScorecard.Evaluate(analysis, iteration.Layers, waste), ProvenSavings.ByRule(iteration, iterations));
    }
}
