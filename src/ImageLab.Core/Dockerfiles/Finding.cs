namespace ImageLab.Core.Dockerfiles;

/// <summary>One piece of advice about a Dockerfile.</summary>
/// <param name="RuleId">The rule's stable id: a hadolint id (<c>DL3042</c>) where the rule is the same, otherwise an ImageLab id (<c>IL002</c>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Line">The 1-based line of the instruction the advice is about.</param>
/// <param name="Message">What is wrong, as a full sentence.</param>
/// <param name="Fix">How to fix it, as a full sentence.</param>
/// <param name="Category">A grouping such as <see cref="FindingCategories.Cache"/>, or <see langword="null"/>.</param>
public sealed record Finding(string RuleId, FindingSeverity Severity, int Line, string Message, string Fix, string? Category = null)
{
    /// <summary>The measured bytes the finding costs, once the iteration is built and its layers analyzed; <see langword="null"/> until then.</summary>
    public long? BytesAtStake { get; init; }
}
