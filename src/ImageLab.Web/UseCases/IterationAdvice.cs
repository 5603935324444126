using ImageLab.Core.Advice;
using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Web.UseCases;

/// <summary>One iteration with its measured findings and its answers to the lesson's checklist.</summary>
public sealed record IterationAdvice(IterationDetails Iteration, IReadOnlyList<Finding> Findings, LessonScorecard Scorecard)
{
    /// <summary>"2. slim", as the page titles an iteration.</summary>
    public string Title => $"{Iteration.Ordinal}. {Iteration.Name}";

    /// <summary>Advises and scores an iteration against its layers and the layer analysis's measured waste.</summary>
    public static IterationAdvice Create(IterationDetails iteration, IReadOnlyList<LayerWaste> waste)
    {
        ArgumentNullException.ThrowIfNull(iteration);
        var analysis = MeasuredFindings.Analyze(iteration.DockerfileText, iteration.Layers, waste);
        return new IterationAdvice(iteration, analysis.Findings, LessonScorecard.Evaluate(analysis, iteration.Layers, waste));
    }
}
