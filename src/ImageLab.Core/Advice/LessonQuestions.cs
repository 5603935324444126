namespace ImageLab.Core.Advice;

/// <summary>How each <see cref="LessonQuestion"/> reads on the scorecard.</summary>
public static class LessonQuestions
{
    /// <summary>Every question, in the lesson's order.</summary>
    public static IReadOnlyList<LessonQuestion> All { get; } = Enum.GetValues<LessonQuestion>();

    /// <summary>The question as a short line of the scorecard.</summary>
    public static string Title(LessonQuestion question) => question switch
    {
        LessonQuestion.MultiStage => "Two or more stages?",
        LessonQuestion.CopiesOnlyWhatItNeeds => "Final stage copies only what it needs?",
        LessonQuestion.NoCacheOptions => "Package managers run without cache?",
        LessonQuestion.SmallFinalBase => "Small final base image?",
        LessonQuestion.CombinedRunsCleanCaches => "RUN steps combined, caches cleaned in the same layer?",
        LessonQuestion.LargeFilesMounted => "Large model files mounted, not copied?",
        LessonQuestion.NoBuildToolchain => "No build toolchain in the final image?",
        _ => question.ToString(),
    };
}
