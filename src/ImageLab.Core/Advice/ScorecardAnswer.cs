namespace ImageLab.Core.Advice;

/// <summary>One iteration's answer to one question: the outcome, why in a sentence, and the measured bytes involved where known.</summary>
/// <param name="Question">The question answered.</param>
/// <param name="Outcome">Pass, fail or not applicable.</param>
/// <param name="Reason">Why, as a full sentence that names lines and images.</param>
/// <param name="BytesAtStake">The measured bytes behind the answer (the failing layers, or the final base's layers), or <see langword="null"/>.</param>
/// <param name="Line">The Dockerfile line the answer is about, or <see langword="null"/>.</param>
public sealed record ScorecardAnswer(LessonQuestion Question, ScoreOutcome Outcome, string Reason, long? BytesAtStake = null, int? Line = null);
