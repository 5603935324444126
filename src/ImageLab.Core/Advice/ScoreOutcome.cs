namespace ImageLab.Core.Advice;

/// <summary>How an iteration answers one question of the lesson's checklist.</summary>
public enum ScoreOutcome
{
    Pass,

    Fail,

    /// <summary>The question does not apply (e.g. what a single-stage build copies from a builder) or cannot be decided.</summary>
    NotApplicable,
}
