using ImageLab.Core.Dockerfiles;
using ImageLab.Core.Experiments;

namespace ImageLab.Core.Advice;

/// <summary>
/// An iteration's answers to the multi-stage lesson's checklist, one per <see cref="LessonQuestion"/>, decided from
/// the Dockerfile, the advisor's findings and, once the iteration is built, its measured layers and layer analysis.
/// </summary>
public sealed record LessonScorecard(IReadOnlyList<ScorecardAnswer> Answers)
{
    /// <summary>How many questions pass.</summary>
    public int Passed => Answers.Count(a => a.Outcome == ScoreOutcome.Pass);

    /// <summary>How many questions fail.</summary>
    public int Failed => Answers.Count(a => a.Outcome == ScoreOutcome.Fail);

    /// <summary>The answer to <paramref name="question"/>.</summary>
    public ScorecardAnswer AnswerTo(LessonQuestion question) => Answers.First(a => a.Question == question);

    /// <summary>Scores <paramref name="dockerfile"/>; pass no layers for an iteration that is not built.</summary>
    public static LessonScorecard Evaluate(
        string dockerfile, IReadOnlyList<LayerDetails>? layers = null, IReadOnlyList<LayerWaste>? waste = null, DockerfileAdvisorOptions? options = null)
    {
        var analysis = MeasuredFindings.Analyze(dockerfile, layers ?? [], waste, options);
        return Evaluate(analysis, layers, waste, options);
    }

    /// <summary>Scores an analysis whose findings <see cref="MeasuredFindings"/> already measured against <paramref name="layers"/>.</summary>
    public static LessonScorecard Evaluate(
        DockerfileAnalysis measured, IReadOnlyList<LayerDetails>? layers = null, IReadOnlyList<LayerWaste>? waste = null, DockerfileAdvisorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var evaluator = new ScorecardEvaluator(measured, layers ?? [], waste ?? [], options ?? new DockerfileAdvisorOptions());
        return new LessonScorecard(LessonQuestions.All.Select(evaluator.Answer).ToList());
    }
}
