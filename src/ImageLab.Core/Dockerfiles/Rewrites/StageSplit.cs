namespace ImageLab.Core.Dockerfiles.Rewrites;

/// <summary>
/// How <see cref="MultiStageSplitRewrite"/> splits a stage: the builder is the stage up to <paramref name="LastStep"/>,
/// with <paramref name="BuilderInsertion"/> before the instruction it names and <paramref name="BuilderTail"/> after
/// the last step; the runtime is the stage with each instruction of <paramref name="Replacements"/> replaced by its
/// text, in which <c>{builder}</c> stands for the builder's name.
/// </summary>
internal sealed record StageSplit(
    IReadOnlyDictionary<DockerfileInstruction, string> Replacements,
    DockerfileInstruction LastStep,
    string BuilderTail = "",
    (DockerfileInstruction Before, string Text)? BuilderInsertion = null);
